/**
 * Experiment jobs in one process on an in-memory PGlite with the real migrations: pg-boss runs
 * through its `db` adapter on the embedded database, every cell is claimed and done once, the
 * verdicts follow their cells, and a unit held by a dead process is taken over, not repeated.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_DATA_DIR = "memory://";
  delete process.env.MOA_STORE;
  delete process.env.DATABASE_URL;
  delete process.env.MOA_ACCESS_TOKEN;
  process.env.MOA_JOB_CONCURRENCY = "8";
});

import { sql } from "drizzle-orm";
import { POST as cancelRoute } from "@/app/api/experiments/[id]/cancel/route";
import { GET as resultsRoute } from "@/app/api/experiments/[id]/results/route";
import { DELETE as deleteRoute, GET as summaryRoute } from "@/app/api/experiments/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/experiments/route";
import { getDb } from "@/lib/db/client";
import { forgetStatus } from "@/lib/experiments/jobs/load-spec";
import { serverCellRunner } from "@/lib/experiments/jobs/server-cell-runner";
import { claimUnit } from "@/lib/experiments/jobs/store";
import { getBoss } from "@/lib/experiments/jobs/boss";
import { handleUnit, requeueDueUnits } from "@/lib/experiments/jobs/worker";
import { getRunState } from "@/lib/runs/run-manager";
import { hashOwnerSecret } from "@/lib/security/owner";
import { alpacaPlan } from "./fixtures";
import { withJobDatabase } from "./job-database";

const OWNER = "e".repeat(43);
const VIEWER = "v".repeat(43);
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, init: RequestInit & { owner?: string } = {}) =>
  new Request(`http://moa.test${url}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init.owner && { "x-moa-owner": init.owner }) },
  });

async function summary(id: string, owner?: string) {
  const response = await summaryRoute(request(`/api/experiments/${id}`, { owner }), ctx(id));
  return (await response.json()) as { experiment: { status: string; done: number; total: number; costUsd: number; etaMs: number | null }; access: string };
}

async function untilEnded(id: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { experiment } = await summary(id);
    if (experiment.status !== "running" || Date.now() > deadline) return experiment;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function create(plan: unknown, owner = OWNER) {
  const response = await createRoute(request("/api/experiments", { method: "POST", body: JSON.stringify({ plan, owner }) }));
  return { status: response.status, body: (await response.json()) as { id: string; owner: string; total: number } };
}

withJobDatabase();

describe("experiment jobs on PGlite", () => {
  it("runs every cell once as a stored run of the owner, then each verdict once, and finishes", async () => {
    const { status, body } = await create(alpacaPlan(30));
    expect(status).toBe(201);
    expect(body.total).toBe(30 * 3);
    const ended = await untilEnded(body.id);
    expect(ended).toMatchObject({ status: "finished", done: 90, total: 90 });

    const db = await getDb();
    const { rows } = await db.execute(sql`select kind, status, attempts, run_id from experiment_cells where experiment_id = ${body.id}`);
    expect(rows).toHaveLength(90);
    expect(rows.every((r) => r.status === "done" && Number(r.attempts) === 1)).toBe(true);
    // One stored run per cell, filed under the experiment's owner: the owner's history shows them.
    const cellRuns = rows.filter((r) => r.kind === "cell").map((r) => String(r.run_id));
    expect(new Set(cellRuns).size).toBe(60);
    const owned = await db.execute(sql`select count(*)::int as n from runs where preset = 'experiment' and id in ${cellRuns} and owner_secret_hash = ${hashOwnerSecret(OWNER)}`);
    expect(owned.rows[0].n).toBe(60);
    // Each verdict is stored for Insights too, under the owner, naming the two cell runs.
    const verdicts = await db.execute(sql`select count(*)::int as n from judge_verdicts where a_run_id in ${cellRuns} and b_run_id in ${cellRuns}`);
    expect(verdicts.rows[0].n).toBe(30);

    const results = await (await resultsRoute(request(`/api/experiments/${body.id}/results`), ctx(body.id))).json();
    expect(Object.keys(results.progress.runs)).toHaveLength(60);
    expect(Object.keys(results.progress.judgements)).toHaveLength(30);
    expect(results.plan.prompts).toHaveLength(30);
    const first = results.progress.runs["alpaca-0\u0000falcon"];
    expect((await getRunState(first.runId)).finalText).toBe(first.text);
  }, 240_000);

  it("lists experiments to their owner only; a link reads progress, only the owner cancels or deletes", async () => {
    const { body } = await create(alpacaPlan(200, "to cancel"));
    const list = async (owner?: string) => (await (await listRoute(request("/api/experiments", { owner }))).json()).experiments as Array<{ id: string }>;
    expect((await list(OWNER)).map((e) => e.id)).toContain(body.id);
    expect(await list(VIEWER)).toEqual([]);
    expect(await list()).toEqual([]);

    expect((await summary(body.id, VIEWER)).access).toBe("read");
    expect((await summary(body.id, OWNER)).access).toBe("owner");
    expect((await cancelRoute(request(`/api/experiments/${body.id}/cancel`, { method: "POST", owner: VIEWER }), ctx(body.id))).status).toBe(403);
    expect((await deleteRoute(request(`/api/experiments/${body.id}`, { method: "DELETE", owner: VIEWER }), ctx(body.id))).status).toBe(403);

    const cancelled = await cancelRoute(request(`/api/experiments/${body.id}/cancel`, { method: "POST", owner: OWNER }), ctx(body.id));
    expect(cancelled.status).toBe(200);
    const after = await summary(body.id);
    expect(after.experiment.status).toBe("cancelled");
    const doneAtCancel = after.experiment.done;
    await new Promise((r) => setTimeout(r, 500));
    // Queued jobs of a cancelled experiment do nothing.
    expect((await summary(body.id)).experiment.done).toBeLessThanOrEqual(doneAtCancel + 8);
    expect(doneAtCancel).toBeLessThan(600);

    expect((await deleteRoute(request(`/api/experiments/${body.id}`, { method: "DELETE", owner: OWNER }), ctx(body.id))).status).toBe(204);
    expect((await summaryRoute(request(`/api/experiments/${body.id}`), ctx(body.id))).status).toBe(404);
  }, 120_000);

  it("refuses a plan whose comparison names no variant of it, and a plan over the prompt cap", async () => {
    const plan = alpacaPlan(3);
    expect((await create({ ...plan, reference: "nobody" })).status).toBe(400);
    expect((await create(alpacaPlan(1001))).status).toBe(400);
  });

  it("a unit is claimed once: not again while its live holder runs it, not at all once done, but taken over from a dead holder", async () => {
    const db = await getDb();
    const { body } = await create({ ...alpacaPlan(1), name: "claims" });
    await untilEnded(body.id);
    const ref = { kind: "cell" as const, promptIndex: 0, subjectId: "falcon" };
    // Done: nobody may claim it again.
    expect(await claimUnit(db, body.id, ref, "alpaca-0", "someone-else", "single-process")).toBeUndefined();
    await db.execute(sql`update experiment_cells set status = 'running', instance_id = 'previous-process' where experiment_id = ${body.id} and key = 'cell:0:falcon'`);
    // With PGlite, a holder that is not this process is gone: the unit is taken over, counted as a second attempt.
    expect(await claimUnit(db, body.id, ref, "alpaca-0", "this-process", "single-process")).toBe(2);
    // With PostgreSQL, a holder with a fresh heartbeat keeps it.
    await db.execute(sql`insert into instances (id) values ('live-instance') on conflict do nothing`);
    await db.execute(sql`update experiment_cells set instance_id = 'live-instance' where experiment_id = ${body.id} and key = 'cell:0:falcon'`);
    expect(await claimUnit(db, body.id, ref, "alpaca-0", "this-process", "heartbeat")).toBeUndefined();
    await db.execute(sql`update instances set heartbeat_at = now() - interval '1 hour' where id = 'live-instance'`);
    expect(await claimUnit(db, body.id, ref, "alpaca-0", "this-process", "heartbeat")).toBe(3);
  }, 240_000);

  it("a cell taken over from a process that died after its run finished keeps that run: it is not answered twice", async () => {
    const db = await getDb();
    const { body } = await create({ ...alpacaPlan(1), name: "died after the run" });
    await untilEnded(body.id);
    const key = "cell:0:falcon";
    const cellRow = async () =>
      (await db.execute(sql`select status, attempts, run_id, result from experiment_cells where experiment_id = ${body.id} and key = ${key}`)).rows[0];
    const experimentRuns = async () => Number((await db.execute(sql`select count(*)::int as n from runs where preset = 'experiment'`)).rows[0].n);
    const { run_id: earlierRunId } = await cellRow();
    // The process died between the run's end and the cell's result: the cell is still held, by nobody alive.
    await db.execute(sql`update experiment_cells set status = 'running', result = null, instance_id = 'previous-process' where experiment_id = ${body.id} and key = ${key}`);
    await db.execute(sql`update experiments set status = 'running' where id = ${body.id}`);
    forgetStatus(body.id);
    const runsBefore = await experimentRuns();
    await handleUnit({ experimentId: body.id, key }, serverCellRunner);
    const after = await cellRow();
    expect(after).toMatchObject({ status: "done", attempts: 2, run_id: earlierRunId });
    expect((after.result as { runId: string }).runId).toBe(earlierRunId);
    expect(await experimentRuns()).toBe(runsBefore);
  }, 240_000);

  it("a verdict whose cells were done when the process died, before it was queued, is queued by the next recovery and judged once", async () => {
    const db = await getDb();
    const { body } = await create({ ...alpacaPlan(2), name: "died before the verdict was queued" });
    await untilEnded(body.id);
    const [verdict] = (await db.execute(sql`select key from experiment_cells where experiment_id = ${body.id} and kind = 'verdict' order by key`)).rows;
    const key = String(verdict.key);
    // The process stored both cells' results and died before queueing their verdict: no row, no job.
    await db.execute(sql`delete from experiment_cells where experiment_id = ${body.id} and key = ${key}`);
    await db.execute(sql`delete from pgboss.job where data->>'experimentId' = ${body.id} and data->>'key' = ${key}`);
    await db.execute(sql`update experiments set status = 'running', finished_at = null where id = ${body.id}`);
    forgetStatus(body.id);
    expect((await summary(body.id)).experiment).toMatchObject({ status: "running", done: 5, total: 6 });

    expect(await requeueDueUnits(await getBoss())).toBe(1);
    // A second recovery finds the verdict queued (same job id) and adds nothing that runs twice.
    await requeueDueUnits(await getBoss());
    expect(await untilEnded(body.id, 60_000)).toMatchObject({ status: "finished", done: 6, total: 6 });
    const { rows } = await db.execute(sql`select status, attempts from experiment_cells where experiment_id = ${body.id} and key = ${key}`);
    expect(rows).toEqual([{ status: "done", attempts: 1 }]);
    // Nothing else was missing: the next recovery queues nothing.
    expect(await requeueDueUnits(await getBoss())).toBe(0);
  }, 240_000);
});
