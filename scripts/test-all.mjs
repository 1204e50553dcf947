#!/usr/bin/env node
// The whole test suite: the type checker and the linters (counted as one test each), unit + integration (Vitest, against PGlite and, when it can be
// started, a real PostgreSQL), then end-to-end (Playwright in Debian's Chromium against
// the built app). Installs the browser and PostgreSQL with apt when running as root.
// Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { startTestPostgres, stopTestPostgres } from "./lib/test-postgres.mjs";
import { createTally } from "./lib/test-tally.mjs";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);
mkdirSync("test-results", { recursive: true });
const isRoot = process.getuid?.() === 0;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function ensureChromium() {
  if (existsSync(env.CHROMIUM_PATH ?? "/usr/bin/chromium")) return true;
  if (!isRoot) {
    console.error("Chromium is missing: install Debian's `chromium` (sudo apt-get install -y chromium) for the browser tests.");
    return false;
  }
  run("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
  return existsSync("/usr/bin/chromium");
}

const { totals, failures, countStep, addVitest, addPlaywright } = createTally(root);

let exitCode = 0;
const started = Date.now();
startTestPostgres(env);
try {
  // The type checker first: `next build` checks only what the app imports, not tests, scripts or bench.
  const typed = run("npx", ["tsc", "--noEmit"]);
  exitCode |= typed;
  countStep("tsc --noEmit", typed);

  // Biome (lint rules), knip (unused files and exports) and madge (import cycles): `npm run lint`.
  const linted = run("npm", ["run", "--silent", "lint"]);
  exitCode |= linted;
  countStep("npm run lint", linted);

  // Built first: the multi-instance tests in Vitest start `next start` servers from it.
  const built = run("npm", ["run", "--silent", "build"]);
  exitCode |= built;
  if (built !== 0) countStep("npm run build", built);

  rmSync("test-results/vitest.json", { force: true });
  const vitest = run("npx", ["vitest", "run", "--reporter=dot", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
  exitCode |= vitest;
  addVitest("test-results/vitest.json", vitest);

  if (built === 0 && ensureChromium()) {
    rmSync("test-results/playwright.json", { force: true });
    const playwright = run("npx", ["playwright", "test"], { CI: env.CI ?? "1" });
    exitCode |= playwright;
    addPlaywright("test-results/playwright.json", playwright);
  } else {
    exitCode = 1;
    countStep("playwright (not run: no build or no Chromium)", 1);
  }
} finally {
  stopTestPostgres();
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((name) => `  ✘ ${name}`).join("\n")}`);
console.log(`\nWhole suite took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode === 0 && totals.failed === 0 ? 0 : 1);
