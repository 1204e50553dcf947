#!/usr/bin/env node
// `npm run bench` on any checkout: builds the app when there is no production build (the
// bundle and browser rows measure it), starts a throwaway PostgreSQL for the fan-out row
// unless TEST_DATABASE_URL is set, then runs bench/run.ts, which prints the table and
// writes bench/results.md (with BENCH_ONLY, replaces only the rows it ran).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startTestPostgres, stopTestPostgres } from "./lib/test-postgres.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;

if (!existsSync(".next/BUILD_ID") && run("npm", ["run", "--silent", "build"]) !== 0) process.exit(1);
// BENCH_ONLY=admission,soak (keys in bench/run.ts) runs some rows; only the fan-out row needs PostgreSQL.
const needsPostgres = !env.BENCH_ONLY || env.BENCH_ONLY.split(",").includes("fanout");
const ownPostgres = needsPostgres && !env.TEST_DATABASE_URL;
if (needsPostgres) startTestPostgres(env);
const status = run("npx", ["tsx", "--tsconfig", "tsconfig.node.json", "bench/run.ts"]);
if (ownPostgres) stopTestPostgres();
process.exit(status);
