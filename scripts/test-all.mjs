#!/usr/bin/env node
// The whole test suite: the type checker and the linters (counted as one test each), unit + integration (Vitest, against PGlite and, when it can be
// started, a real PostgreSQL), then end-to-end (Playwright in Debian's Chromium against
// the built app). Installs the browser and PostgreSQL with apt when running as root.
// Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { startTestPostgres, stopTestPostgres } from "./lib/test-postgres.mjs";

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

const totals = { passed: 0, failed: 0, skipped: 0 };
// Named again just above the last line, so a log that keeps only its tail still says what failed.
const failures = [];
function countStep(name, status) {
  if (status === 0) return void (totals.passed += 1);
  totals.failed += 1;
  failures.push(name);
}
function addVitest(file) {
  if (!existsSync(file)) return countStep("vitest (wrote no report)", 1);
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  // A test file that failed without a failing test (it did not load, a hook threw) counts as one failure.
  const brokenFiles = report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"));
  totals.failed += report.numFailedTests + brokenFiles.length;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const testFile of report.testResults) {
    const path = testFile.name.replace(root, "");
    for (const test of testFile.assertionResults) if (test.status === "failed") failures.push(`vitest ${path} › ${test.fullName}`);
    if (brokenFiles.includes(testFile)) failures.push(`vitest ${path} (did not load: ${String(testFile.message ?? "").split("\n")[0]})`);
  }
}
function addPlaywright(file) {
  if (!existsSync(file)) return countStep("playwright (wrote no report)", 1);
  const { stats, suites } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected") failures.push(`playwright ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, suite.title && !suite.title.endsWith(".ts") ? [...titles, suite.title] : titles);
  };
  for (const suite of suites ?? []) visit(suite, []);
}

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
  exitCode |= run("npx", ["vitest", "run", "--reporter=dot", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
  addVitest("test-results/vitest.json");

  if (built === 0 && ensureChromium()) {
    rmSync("test-results/playwright.json", { force: true });
    exitCode |= run("npx", ["playwright", "test"], { CI: env.CI ?? "1" });
    addPlaywright("test-results/playwright.json");
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
