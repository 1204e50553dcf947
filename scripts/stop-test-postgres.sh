#!/usr/bin/env bash
# Stops the PostgreSQL server that start-test-postgres.sh started last, and removes its data.
set -euo pipefail
last=/tmp/moa-test-postgres.last
[ -f "$last" ] || exit 0
dir="$(cat "$last")"
[ -x "$dir/stop.sh" ] || [ -f "$dir/stop.sh" ] && bash "$dir/stop.sh" || true
rm -f "$last"
