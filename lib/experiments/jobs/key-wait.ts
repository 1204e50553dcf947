import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { isClustered } from "@/lib/db/backend";
import { UNIT_QUEUE, type UnitJob } from "./boss";
import { forgetStatus } from "./load-spec";
import * as repo from "./store";
import type { ExperimentStatus } from "./store";

/** Another instance may hold the keys: look again this soon. */
const CLUSTER_RETRY_S = 5;
/** Put back this many times in a row by instances without the keys, a unit takes it that none has them. */
const CLUSTER_TRIES_BEFORE_PAUSE = 12;
/** A paused job's units look again this rarely; a resume wakes them at once. */
const PAUSED_RECHECK_S = 300;

/**
 * What a worker without the keys does with a unit on its `tries`-th time in a row: whether it
 * pauses the job (nobody holds the keys) and how long the unit waits before it is offered again.
 */
export function keyWaitPlan(clustered: boolean, status: ExperimentStatus, tries: number): { pause: boolean; delayS: number } {
  const noneHasThem = !clustered || status === "paused" || tries >= CLUSTER_TRIES_BEFORE_PAUSE;
  return { pause: noneHasThem && status === "running", delayS: noneHasThem ? PAUSED_RECHECK_S : CLUSTER_RETRY_S };
}

/**
 * A unit of a job on pasted keys reached a worker that does not hold them. It is put back,
 * delayed, never failed and never run on the server's keys. With PGlite this process is the only
 * one, so nobody has the keys: the job is paused until its owner sends them again. In a cluster
 * the instance that received them may still hold them, so the unit is offered again soon; only
 * after many such tries in a row (or when the job is already paused) is the job paused.
 */
export async function putBackForKeys(db: Database, boss: PgBoss, job: UnitJob, status: ExperimentStatus): Promise<void> {
  const tries = (job.keyTries ?? 0) + 1;
  const { pause, delayS } = keyWaitPlan(isClustered(), status, tries);
  if (pause && (await repo.setPaused(db, job.experimentId, true))) forgetStatus(job.experimentId);
  // A fresh id: the chain's earlier ids may still sit in the job table as completed. A duplicate (a job
  // delivered twice) is harmless: the unit's claim keeps it from running twice.
  await boss.insert([
    { id: randomUUID(), name: UNIT_QUEUE, data: { experimentId: job.experimentId, key: job.key, keyTries: tries } satisfies UnitJob, startAfter: new Date(Date.now() + delayS * 1000) },
  ]);
}

/** The owner sent the keys again: the job runs, and its waiting units are due now with their tries forgotten. */
export async function wakeWaitingUnits(db: Database, experimentId: string): Promise<void> {
  await db.execute(sql`
    update pgboss.job set start_after = now(), data = data - 'keyTries'
    where name = ${UNIT_QUEUE} and state in ('created', 'retry') and data->>'experimentId' = ${experimentId}`);
}
