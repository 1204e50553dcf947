// The whole suite's count, summed over its steps: test-all.mjs prints it as its last line.
import { existsSync, readFileSync } from "node:fs";

export function createTally(root) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  /** What failed, by name, so a log that keeps only its tail still says. */
  const failures = [];

  /** A step that is one test: it passed when its command exited 0. */
  function countStep(name, status) {
    if (status === 0) return void (totals.passed += 1);
    totals.failed += 1;
    failures.push(name);
  }

  /**
   * A runner that exited non-zero although its report has no failing test (Vitest's "unhandled
   * errors", a Playwright global hook that threw) is one failure more, so the last line never says
   * "0 failed" of a run that failed.
   */
  function countExit(runner, status, failedBefore) {
    if (status !== 0 && totals.failed === failedBefore) {
      countStep(`${runner} exited with ${status} though no test in its report failed (an unhandled error or a hook: see its output above)`, 1);
    }
  }

  function addVitest(file, status) {
    const failedBefore = totals.failed;
    if (!existsSync(file)) return countStep("vitest (wrote no report)", 1);
    const report = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += report.numPassedTests;
    // A test file that failed without a failing test (it did not load, a hook threw) counts as one failure.
    const brokenFiles = report.testResults.filter((result) => result.status === "failed" && !result.assertionResults.some((t) => t.status === "failed"));
    totals.failed += report.numFailedTests + brokenFiles.length;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    for (const testFile of report.testResults) {
      const path = testFile.name.replace(root, "");
      for (const test of testFile.assertionResults) if (test.status === "failed") failures.push(`vitest ${path} › ${test.fullName}`);
      if (brokenFiles.includes(testFile)) failures.push(`vitest ${path} (did not load: ${String(testFile.message ?? "").split("\n")[0]})`);
    }
    countExit("vitest", status, failedBefore);
  }

  function addPlaywright(file, status) {
    const failedBefore = totals.failed;
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
    countExit("playwright", status, failedBefore);
  }

  return { totals, failures, countStep, addVitest, addPlaywright };
}
