// A throwaway PostgreSQL server for the storage tests and the fan-out benchmark, started by
// scripts/start-test-postgres.sh (which installs PostgreSQL with apt when it runs as root).
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Sets `env.TEST_DATABASE_URL` unless it is already set; says so when no server could be started. */
export function startTestPostgres(env) {
  if (env.TEST_DATABASE_URL) return;
  try {
    const out = execSync("bash scripts/start-test-postgres.sh", { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const match = out.match(/TEST_DATABASE_URL=(\S+)/);
    if (match) env.TEST_DATABASE_URL = match[1];
  } catch {
    console.error("PostgreSQL could not be started: what needs it is reported as skipped.");
  }
}

export function stopTestPostgres() {
  if (existsSync("scripts/stop-test-postgres.sh")) spawnSync("bash", ["scripts/stop-test-postgres.sh"], { stdio: "inherit" });
}
