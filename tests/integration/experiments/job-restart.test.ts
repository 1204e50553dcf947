/**
 * The issue's bar: an 805-prompt AlpacaEval-format job (fixture made here; sim models and sim
 * judge) on a real `next start` with PGlite survives kill -9 mid-way and, after a restart on the
 * same data folder, finishes with no cell lost and none answered twice.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { alpacaPlan } from "./fixtures";
import { buildMissing, killGroup, postExperiment, readSummary, startAppServer, waitForSummary, type AppServer } from "./app-server";

const reason = buildMissing();
// Inside this checkout's port range (3270-3279): the e2e run and other suites use theirs.
const PORT = Number(process.env.MOA_JOBS_TEST_PORT ?? 3271);
const OWNER = "restart-test-owner-".padEnd(43, "r");
const PROMPTS = 805;
const CONCURRENCY = 8;

describe.skipIf(reason)(`experiment job across kill -9${reason ? ` [skipped: ${reason}]` : ""}`, () => {
  let dataDir: string;
  let server: AppServer | undefined;
  const env = () => ({ MOA_DATA_DIR: dataDir, MOA_JOB_CONCURRENCY: String(CONCURRENCY) });

  afterAll(async () => {
    if (server) killGroup(server.child, "SIGKILL");
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("finishes after a restart with every cell and verdict done once", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "moa-jobs-"));
    server = await startAppServer(PORT, env());
    const { id, total } = await postExperiment(server.base, alpacaPlan(PROMPTS), OWNER);
    expect(total).toBe(PROMPTS * 3);

    const before = await waitForSummary(server.base, id, (s) => s.done >= total * 0.25, 600_000);
    killGroup(server.child, "SIGKILL");
    await server.exited;
    expect(before.status).toBe("running");

    server = await startAppServer(PORT, env());
    // Nobody asks for the job: the restarted server resumes it on its own.
    const after = await waitForSummary(server.base, id, (s) => s.status !== "running", 900_000);
    expect(after).toMatchObject({ status: "finished", done: total, total });
    expect(after.done).toBeGreaterThan(before.done);

    const results = await (await fetch(`${server.base}/api/experiments/${id}/results`)).json();
    expect(Object.keys(results.progress.runs)).toHaveLength(PROMPTS * 2);
    expect(Object.keys(results.progress.judgements)).toHaveLength(PROMPTS);
    expect(Object.values(results.progress.runs).every((r) => (r as { status: string }).status === "finished")).toBe(true);
    expect((await readSummary(server.base, id)).status).toBe("finished");

    // A clean stop closes the data folder, so the test can read it.
    killGroup(server.child, "SIGTERM");
    await server.exited;
    server = undefined;
    const handle = await openDatabase({ dataDir });
    try {
      const { rows: units } = await handle.db.execute(sql`select key, kind, status, attempts from experiment_cells where experiment_id = ${id}`);
      expect(units).toHaveLength(total);
      expect(units.every((u) => u.status === "done")).toBe(true);
      // Only units in flight at the kill were taken up again: at most one per worker slot.
      const retaken = units.filter((u) => Number(u.attempts) > 1);
      expect(retaken.length).toBeLessThanOrEqual(CONCURRENCY);
      const { rows: runs } = await handle.db.execute(sql`select preset, status, count(*)::int as n from runs group by preset, status`);
      const count = (preset: string, status: string) => Number(runs.find((r) => r.preset === preset && r.status === status)?.n ?? 0);
      // Each cell answered exactly once: one finished run per cell; the kill left at most the runs in flight unfinished.
      expect(count("experiment", "finished")).toBe(PROMPTS * 2);
      expect(count("experiment", "interrupted")).toBeLessThanOrEqual(CONCURRENCY);
      // Each verdict judged in both orders once; a verdict cut by the kill may have finished one of its two judge runs.
      expect(count("judge", "finished")).toBeGreaterThanOrEqual(PROMPTS * 2);
      expect(count("judge", "finished")).toBeLessThanOrEqual(PROMPTS * 2 + CONCURRENCY * 2);
    } finally {
      await handle.close();
    }
  }, 1_800_000);
});
