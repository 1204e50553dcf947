import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { stopRun } from "@/lib/runs/run-manager";
import { newRunId } from "@/lib/runs/ids";
import { mathAccuracy } from "@/lib/suites/exact-match-runner";
import { hasTwoTurns, mtBenchScores } from "@/lib/suites/mt-bench-scores";
import type { RunKeys } from "@/lib/wire/keys";
import { enqueueUnits, getBoss } from "./boss";
import { wakeWaitingUnits } from "./key-wait";
import { dropKeys, holdKeys } from "./keyring";
import { forgetStatus, loadSpec } from "./load-spec";
import * as repo from "./store";
import { keysUsedBy, type ExperimentSpec } from "./spec";
import { allCells, totalUnits, unitKeyOf } from "./units";
import { summaryEstimate } from "./summary-estimate";
import { progressOf, summaryOf, type ExperimentSummary } from "./view";
import { startExperimentWorkers, wakeWorkers } from "./worker";

const notFound = () => new AppError("not_found:experiment", "No experiment has this id.");

/**
 * Stores the experiment, queues one job per cell, and makes sure this instance works on them.
 * Pasted keys go to this process's keyring, never into the stored spec.
 */
export async function createExperiment(spec: ExperimentSpec, ownerSecretHash: string, keys?: RunKeys): Promise<{ id: string; total: number }> {
  const db = await getDb();
  const id = newRunId();
  const stored: ExperimentSpec = { ...spec, plan: { ...spec.plan, id } };
  const total = totalUnits(stored.plan);
  if (keys && spec.pastedKeys?.length) holdKeys(id, keys);
  await repo.insertExperiment(db, { id, ownerSecretHash, name: stored.plan.name || "Experiment", spec: stored, total });
  await startExperimentWorkers();
  await enqueueUnits(
    await getBoss(),
    allCells(stored.plan).map((ref) => ({ experimentId: id, key: unitKeyOf(ref), attempt: 0 })),
  );
  wakeWorkers();
  return { id, total };
}

async function existing(id: string) {
  const db = await getDb();
  const row = await repo.findExperiment(db, id);
  if (!row) throw notFound();
  return { db, row };
}

export async function experimentSummary(id: string): Promise<{ summary: ExperimentSummary; ownerSecretHash: string }> {
  const { db, row } = await existing(id);
  const loaded = await loadSpec(db, id);
  const estimate = loaded && summaryEstimate(id, loaded.spec.plan);
  const summary = summaryOf(row, await repo.progressCounts(db, id), { budgetUsd: loaded?.spec.budgetUsd, estimate });
  return { summary, ownerSecretHash: row.ownerSecretHash };
}

export async function experimentResults(id: string) {
  const { db } = await existing(id);
  const loaded = await loadSpec(db, id);
  if (!loaded) throw notFound();
  const { plan } = loaded.spec;
  const progress = progressOf(plan, await repo.allUnits(db, id));
  // Suite results computed here too, so an API client gets the scores without redoing the page's work.
  const suites = {
    ...(hasTwoTurns(plan) && { mtBench: mtBenchScores(plan, progress) }),
    ...(plan.prompts.some((p) => p.answer !== undefined) && { mathAccuracy: mathAccuracy(plan, progress) }),
  };
  return { plan, progress, ...(Object.keys(suites).length > 0 && { suites }) };
}

export async function listOwnExperiments(ownerSecretHash: string) {
  return repo.listExperiments(await getDb(), ownerSecretHash, 100);
}

function assertOwner(row: { ownerSecretHash: string }, callerHash: string, action: string): void {
  if (row.ownerSecretHash !== callerHash) {
    throw new AppError("forbidden:owner", `Only the browser that started this experiment can ${action} it; a share link can watch it, not change it.`);
  }
}

/** Stops taking units and stops the runs in flight, on whichever instance executes them. */
export async function cancelExperiment(id: string, callerHash: string): Promise<void> {
  const { db, row } = await existing(id);
  assertOwner(row, callerHash, "cancel");
  if (!(await repo.endExperiment(db, id, "cancelled"))) {
    throw new AppError("conflict:experiment_ended", `This experiment has already ended (${row.status}).`);
  }
  forgetStatus(id);
  dropKeys(id);
  await stopRuns(await repo.runningRunIds(db, id));
}

/**
 * The owner sends the job's keys again (a restart, another instance or the TTL lost them): this
 * process holds them, a paused job runs again, and its waiting units are due at once. `check`
 * decides whether these keys may drive the job's models (admission.ts), as at the start.
 */
export async function resumeExperiment(id: string, callerHash: string, keys: RunKeys, check: (spec: ExperimentSpec) => Promise<void>): Promise<void> {
  const { db, row } = await existing(id);
  assertOwner(row, callerHash, "resume");
  const loaded = await loadSpec(db, id);
  if (!loaded || !repo.isLive(loaded.status)) throw new AppError("conflict:experiment_ended", `This experiment has already ended (${row.status}).`);
  if (!loaded.spec.pastedKeys?.length) throw new AppError("conflict:no_pasted_keys", "This experiment runs without pasted keys; it has nothing to resume.");
  const used = keysUsedBy(loaded.spec.plan, keys);
  if (!used) throw new AppError("bad_request:keys", "None of these keys is one this experiment's models use.");
  await check(loaded.spec);
  holdKeys(id, used);
  await repo.setPaused(db, id, false);
  forgetStatus(id);
  await startExperimentWorkers();
  await wakeWaitingUnits(db, id);
  wakeWorkers();
}

export async function deleteExperiment(id: string, callerHash: string): Promise<void> {
  const { db, row } = await existing(id);
  assertOwner(row, callerHash, "delete");
  await repo.endExperiment(db, id, "cancelled");
  forgetStatus(id);
  dropKeys(id);
  await stopRuns(await repo.runningRunIds(db, id));
  // Its cells stay as runs in the owner's history; jobs still queued find no experiment and end.
  await repo.deleteExperiment(db, id);
}

async function stopRuns(runIds: string[]): Promise<void> {
  // A run that already ended answers 409: nothing to stop.
  await Promise.allSettled(runIds.map((runId) => stopRun(runId)));
}
