import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createTally } from "../../../scripts/lib/test-tally.mjs";

/** The suite's last line must never read "0 failed" of a run that exits 1 (CI once did). */
const dir = mkdtempSync(path.join(tmpdir(), "moa-tally-"));
function report(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}
const vitestReport = (failed: number) =>
  report(`vitest-${failed}.json`, {
    numPassedTests: 3,
    numFailedTests: failed,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults: [
      {
        name: "/repo/tests/a.test.ts",
        status: failed ? "failed" : "passed",
        assertionResults: [
          { status: "passed", fullName: "a" },
          ...Array.from({ length: failed }, (_, i) => ({ status: "failed", fullName: `broken ${i}` })),
        ],
      },
    ],
  });
const playwrightReport = report("playwright.json", { stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 0 }, suites: [] });

describe("the whole suite's tally", () => {
  test("a clean Vitest run counts its tests and nothing failed", () => {
    const tally = createTally("/repo");
    tally.addVitest(vitestReport(0), 0);
    expect(tally.totals).toEqual({ passed: 3, failed: 0, skipped: 1 });
    expect(tally.failures).toEqual([]);
  });

  test("Vitest exiting 1 with every test passed (an unhandled error) is one failure, named", () => {
    const tally = createTally("/repo");
    tally.addVitest(vitestReport(0), 1);
    expect(tally.totals.failed).toBe(1);
    expect(tally.failures[0]).toMatch(/^vitest exited with 1 though no test in its report failed/);
  });

  test("a failing test is counted once, not again for the exit code it causes", () => {
    const tally = createTally("/repo");
    tally.addVitest(vitestReport(2), 1);
    expect(tally.totals.failed).toBe(2);
    expect(tally.failures).toEqual(["vitest /tests/a.test.ts › broken 0", "vitest /tests/a.test.ts › broken 1"]);
  });

  test("Playwright exiting non-zero with every test passed is one failure; flaky tests count as passed", () => {
    const tally = createTally("/repo");
    tally.addPlaywright(playwrightReport, 0);
    expect(tally.totals).toEqual({ passed: 6, failed: 0, skipped: 0 });
    tally.addPlaywright(playwrightReport, 1);
    expect(tally.totals.failed).toBe(1);
    expect(tally.failures[0]).toMatch(/^playwright exited with 1/);
  });

  test("a runner that wrote no report is a failure", () => {
    const tally = createTally("/repo");
    tally.addVitest(path.join(dir, "missing.json"), 1);
    expect(tally.failures).toEqual(["vitest (wrote no report)"]);
  });
});
