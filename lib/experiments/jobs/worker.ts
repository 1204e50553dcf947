import "server-only";
import { processGlobal } from "@/lib/process-global";
import type PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { beat, processInstanceId } from "@/lib/db/instances";
import { isClustered } from "@/lib/db/backend";
import { enqueueUnits, getBoss, UNIT_QUEUE, type UnitJob } from "./boss";
import type { CellRunner } from "./cell-runner";
import { putBackForKeys, wakeWaitingUnits } from "./key-wait";
import { dropKeys, keysFor } from "./keyring";
import { forgetStatus, loadSpec } from "./load-spec";
import { startPump, type Pump } from "./pump";
import * as repo from "./store";
import { makeDue, receivedStep, runCellStep, unitsDueAfter, verdictStep, type StepContext } from "./unit-steps";
import { gradeStep, turn2Step } from "./turn-steps";
import { parseUnitKey, resolveUnit, type UnitKind } from "./units";
import { withExactMatch } from "@/lib/suites/exact-match-runner";

/** Units in flight in this process: a job delivered again while its first delivery still runs here is a no-op. */
const inFlight = processGlobal("experimentUnitsInFlight", () => new Set<string>());
/** The workers of this process: fields change as they start and stop. */
const holder = processGlobal("experimentWorkers", () => ({}) as { workers?: Promise<void>; pump?: Pump; recoverTimer?: ReturnType<typeof setInterval> });

const liveness = (): repo.Liveness => (isClustered() ? "heartbeat" : "single-process");

const STEPS: Record<UnitKind, typeof runCellStep> = {
  cell: runCellStep,
  verdict: verdictStep,
  received: receivedStep,
  turn2: turn2Step,
  grade1: gradeStep,
  grade2: gradeStep,
};

/** A cell whose run was stopped by a shutdown did not answer: its job is delivered again. */
class UnitInterrupted extends Error {}

/**
 * Does one unit of an experiment, at most once: claims it, runs it (a cell) or judges it (a
 * verdict), stores the result, makes due the verdicts the cell completes, and marks the
 * experiment finished with its last unit. A throw sends the job back to the queue for a retry.
 */
export async function handleUnit(job: UnitJob, runner: CellRunner): Promise<void> {
  const flightKey = `${job.experimentId}\u0000${job.key}`;
  if (inFlight.has(flightKey)) return;
  inFlight.add(flightKey);
  try {
    await doUnit(job, runner);
  } finally {
    inFlight.delete(flightKey);
  }
}

async function doUnit(job: UnitJob, runner: CellRunner): Promise<void> {
  const { experimentId, key } = job;
  const db = await getDb();
  const loaded = await loadSpec(db, experimentId);
  const ref = parseUnitKey(key);
  if (!loaded || !repo.isLive(loaded.status)) return dropKeys(experimentId);
  if (!ref) return;
  const { spec, ownerSecretHash } = loaded;
  const unit = resolveUnit(spec.plan, ref);
  if (!unit) return;
  if (spec.budgetUsd !== undefined && (await repo.progressCounts(db, experimentId)).costUsd >= spec.budgetUsd) {
    await repo.endExperiment(db, experimentId, "over-budget");
    endedHere(experimentId);
    return;
  }
  // A job on pasted keys runs only where they are held; anywhere else its unit waits for them.
  const keys = spec.pastedKeys?.length ? keysFor(experimentId) : undefined;
  if (spec.pastedKeys?.length && !keys) return putBackForKeys(db, await getBoss(), job, loaded.status);
  if (loaded.status === "paused" && (await repo.setPaused(db, experimentId, false))) {
    // This instance holds the keys after all: the units others put back for a long wait are due now.
    forgetStatus(experimentId);
    await wakeWaitingUnits(db, experimentId);
  }
  const me = processInstanceId();
  const attempt = await repo.claimUnit(db, experimentId, ref, unit.prompt.id, me, liveness());
  if (attempt === undefined) return;
  // Taken over from a process that died: its run may have finished before the result was stored.
  const earlierRunId = attempt > 1 ? await repo.unitRunId(db, experimentId, key) : undefined;
  const ctx: StepContext = { db, experimentId, key, plan: spec.plan, ownerSecretHash, runner, ...(keys && { keys }), ...(earlierRunId && { earlierRunId }) };
  const step = STEPS[ref.kind];
  const outcome = await step(ctx, unit);
  if (outcome === "interrupted") throw new UnitInterrupted(`${key}: the run was interrupted`);
  if (outcome === "dropped" || !(await repo.finishUnit(db, experimentId, key, me, outcome.result, outcome.costUsd))) return;
  wakeWorkers();
  // A cell that makes other units due is never the experiment's last unit: they are.
  if ((ref.kind === "cell" || ref.kind === "turn2") && (await makeDue(ctx, ref))) return;
  if (await repo.finishIfComplete(db, experimentId)) endedHere(experimentId);
}

/** The job ended in this process: its workers stop at once, and its pasted keys are let go. */
function endedHere(experimentId: string): void {
  forgetStatus(experimentId);
  dropKeys(experimentId);
}

/**
 * Units whose holder died (kill -9, a lost instance) go back to the queue under a new job id.
 * With PGlite this process is the only one: jobs the last process had fetched are delivered again too.
 */
export async function recoverOrphans(boss: PgBoss): Promise<number> {
  const db = await getDb();
  const me = processInstanceId();
  if (isClustered()) await beat(db, me);
  const orphans = await repo.orphanedUnits(db, me, liveness());
  await enqueueUnits(boss, orphans.map((o) => ({ experimentId: o.experimentId, key: o.key, attempt: o.attempts })));
  return orphans.length;
}

/**
 * Units that a finished cell made due but that nobody queued: the process died between storing
 * the cell's result and queueing its verdict (or analysis, or second turn). Such a unit has no
 * row and, with the queue's job gone or never sent, would wait forever. Queued again under its
 * first job id, so a job still waiting is not doubled; claimUnit keeps it from running twice.
 */
export async function requeueDueUnits(boss: PgBoss): Promise<number> {
  const db = await getDb();
  const due = new Map<string, UnitJob>();
  for (const experimentId of await repo.liveExperimentIds(db)) {
    const loaded = await loadSpec(db, experimentId);
    if (!loaded) continue;
    const statusOf = await repo.unitStatuses(db, experimentId);
    const isDone = (key: string) => statusOf.get(key) === "done";
    for (const [unitKey, status] of statusOf) {
      const ref = status === "done" ? parseUnitKey(unitKey) : undefined;
      if (!ref || (ref.kind !== "cell" && ref.kind !== "turn2")) continue;
      for (const key of unitsDueAfter(loaded.spec.plan, ref)?.keys(isDone) ?? []) {
        if (!statusOf.has(key)) due.set(`${experimentId}\u0000${key}`, { experimentId, key });
      }
    }
  }
  await enqueueUnits(boss, [...due.values()].map((unit) => ({ ...unit, attempt: 0 })));
  return due.size;
}

/** New jobs were queued by this process: fetch them now, not at the next poll. */
export function wakeWorkers(): void {
  holder.pump?.wake();
}

/** How many units this instance works on at once (MOA_JOB_CONCURRENCY, default 4). */
export function jobConcurrency(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.MOA_JOB_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 64) : 4;
}

const RECOVER_EVERY_MS = 10_000;

/** Starts this process's workers once; later calls wait for the first. */
export function startExperimentWorkers(runner?: CellRunner): Promise<void> {
  holder.workers ??= (async () => {
    const boss = await getBoss();
    const chosen = withExactMatch(runner ?? (await import("./server-cell-runner")).serverCellRunner);
    if (!isClustered()) await failActiveJobsOfDeadProcess(boss);
    await recoverOrphans(boss);
    await requeueDueUnits(boss);
    holder.pump = startPump<UnitJob>(boss, UNIT_QUEUE, jobConcurrency(), (job) => handleUnit(job, chosen));
    // Draining runs end as interrupted; their units stay claimed and are recovered by whoever runs next.
    process.once("SIGTERM", stopExperimentWorkers);
    // An instance that died left its claims behind, and maybe a result stored with nothing queued after it.
    const recover = async () => ((await recoverOrphans(boss)) > 0 ? requeueDueUnits(boss) : 0);
    holder.recoverTimer = setInterval(() => void recover().catch((error) => console.error("experiment recovery failed", error)), RECOVER_EVERY_MS);
    holder.recoverTimer.unref?.();
  })().catch((error) => {
    holder.workers = undefined;
    throw error;
  });
  return holder.workers;
}

/** Stops fetching and recovering (tests, shutdown); units in flight finish on their own. */
export function stopExperimentWorkers(): void {
  holder.pump?.stop();
  clearInterval(holder.recoverTimer);
  holder.pump = undefined;
  holder.recoverTimer = undefined;
  holder.workers = undefined;
}

/**
 * PGlite: the process that fetched the queue's active jobs is gone (one process per data
 * folder), so they are failed now and retried, instead of waiting out their expiry.
 */
async function failActiveJobsOfDeadProcess(boss: PgBoss): Promise<void> {
  const db = await getDb();
  const { sql } = await import("drizzle-orm");
  const { rows } = await db.execute(sql`select id from pgboss.job where name = ${UNIT_QUEUE} and state = 'active'`);
  const ids = rows.map((r) => String(r.id));
  if (ids.length > 0) await boss.fail(UNIT_QUEUE, ids);
}
