#!/usr/bin/env node
// `npm run bench` on any checkout: builds the app when there is no production build (the
// bundle and browser rows measure it), starts a throwaway PostgreSQL for the fan-out row
// unless TEST_DATABASE_URL is set, then runs bench/run.ts, which prints the table and
// writes bench/results.md. `npm run bench -- --only browser` runs that section alone and
// updates only its rows.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startTestPostgres, stopTestPostgres } from "./lib/test-postgres.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

if (!existsSync(".next/BUILD_ID") && run("npx", ["next", "build"]) !== 0) process.exit(1);
// Only the fan-out row needs PostgreSQL.
const ownPostgres = !env.TEST_DATABASE_URL && !process.argv.includes("--only");
if (ownPostgres) startTestPostgres(env);
const status = run("npx", ["tsx", "bench/run.ts", ...process.argv.slice(2)]);
if (ownPostgres) stopTestPostgres();
process.exit(status);
