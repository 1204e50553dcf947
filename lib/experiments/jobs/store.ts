import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { STALE_AFTER_MS } from "@/lib/db/instances";
import { experimentCells, experiments, type ExperimentCellRow, type ExperimentRow } from "@/lib/db/schema";
import type { UnitRef } from "./units";
import { unitKeyOf } from "./units";

/** `paused`: the job runs on keys its owner pasted, and no instance holds them now (keyring.ts); it waits for a resume. */
export type ExperimentStatus = "running" | "paused" | "finished" | "cancelled" | "over-budget";

/** Not ended: a paused job still has units to do and may be cancelled or resumed. */
const LIVE: ExperimentStatus[] = ["running", "paused"];
export const isLive = (status: ExperimentStatus | undefined): boolean => status !== undefined && LIVE.includes(status);

/**
 * Who counts as gone, so that a unit it holds may be taken over. With PGlite one process owns
 * the data folder: whoever held a unit before this process started is gone. With PostgreSQL an
 * instance is gone once its heartbeat (lib/db/instances.ts) is stale.
 */
export type Liveness = "single-process" | "heartbeat";

function holderIsGone(liveness: Liveness, me: string) {
  if (liveness === "single-process") return sql`experiment_cells.instance_id <> ${me}`;
  return sql`(experiment_cells.instance_id <> ${me} and not exists (
    select 1 from instances i where i.id = experiment_cells.instance_id
    and i.heartbeat_at > now() - (${STALE_AFTER_MS} * interval '1 millisecond')))`;
}

export async function insertExperiment(db: Database, row: Pick<ExperimentRow, "id" | "ownerSecretHash" | "name" | "spec" | "total">): Promise<void> {
  await db.insert(experiments).values({ ...row, status: "running" });
}

export async function findExperiment(db: Database, id: string): Promise<ExperimentRow | undefined> {
  const [row] = await db.select().from(experiments).where(eq(experiments.id, id));
  return row;
}

export async function experimentStatus(db: Database, id: string): Promise<ExperimentStatus | undefined> {
  const [row] = await db.select({ status: experiments.status }).from(experiments).where(eq(experiments.id, id));
  return row?.status as ExperimentStatus | undefined;
}

export async function listExperiments(db: Database, ownerSecretHash: string, limit: number) {
  return db
    .select({ id: experiments.id, name: experiments.name, status: experiments.status, total: experiments.total, createdAt: experiments.createdAt, finishedAt: experiments.finishedAt })
    .from(experiments)
    .where(eq(experiments.ownerSecretHash, ownerSecretHash))
    .orderBy(desc(experiments.createdAt))
    .limit(limit);
}

/** Ends a running or paused experiment with `status`; false when it had already ended. */
export async function endExperiment(db: Database, id: string, status: Exclude<ExperimentStatus, "running" | "paused">): Promise<boolean> {
  const rows = await db
    .update(experiments)
    .set({ status, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(experiments.id, id), inArray(experiments.status, LIVE)))
    .returning({ id: experiments.id });
  return rows.length > 0;
}

/** Pauses a running experiment (`paused` true) or lets a paused one run again; false when it was not in the other state. */
export async function setPaused(db: Database, id: string, paused: boolean): Promise<boolean> {
  const rows = await db
    .update(experiments)
    .set({ status: paused ? "paused" : "running", updatedAt: sql`now()` })
    .where(and(eq(experiments.id, id), eq(experiments.status, paused ? "running" : "paused")))
    .returning({ id: experiments.id });
  return rows.length > 0;
}

export async function deleteExperiment(db: Database, id: string): Promise<void> {
  await db.delete(experiments).where(eq(experiments.id, id));
}

/**
 * Takes a unit for this instance: a new row, or a row still running whose holder is this
 * instance (a retry) or gone. Undefined when the unit is done or a live instance holds it:
 * that is what keeps a cell from running twice, whatever the queue delivers.
 */
export async function claimUnit(db: Database, experimentId: string, ref: UnitRef, promptId: string, me: string, liveness: Liveness): Promise<number | undefined> {
  const key = unitKeyOf(ref);
  const { rows } = await db.execute(sql`
    insert into experiment_cells (experiment_id, key, kind, prompt_id, subject_id, status, attempts, instance_id)
    values (${experimentId}, ${key}, ${ref.kind}, ${promptId}, ${ref.subjectId}, 'running', 1, ${me})
    on conflict (experiment_id, key) do update
      set attempts = experiment_cells.attempts + 1, instance_id = excluded.instance_id, started_at = now()
      where experiment_cells.status = 'running'
        and (experiment_cells.instance_id = ${me} or ${holderIsGone(liveness, me)})
    returning attempts`);
  return rows[0] ? Number(rows[0].attempts) : undefined;
}

/** The run the unit's latest attempt started, if any (a unit taken over keeps it until its new run starts). */
export async function unitRunId(db: Database, experimentId: string, key: string): Promise<string | undefined> {
  const [row] = await db
    .select({ runId: experimentCells.runId })
    .from(experimentCells)
    .where(and(eq(experimentCells.experimentId, experimentId), eq(experimentCells.key, key)));
  return row?.runId ?? undefined;
}

export async function setUnitRun(db: Database, experimentId: string, key: string, runId: string): Promise<void> {
  await db.update(experimentCells).set({ runId }).where(and(eq(experimentCells.experimentId, experimentId), eq(experimentCells.key, key)));
}

/** Stores a unit's result; false when another instance took the unit over meanwhile (its result wins). */
export async function finishUnit(db: Database, experimentId: string, key: string, me: string, result: unknown, costUsd: number): Promise<boolean> {
  const rows = await db
    .update(experimentCells)
    .set({ status: "done", result, costUsd, finishedAt: sql`now()` })
    .where(and(eq(experimentCells.experimentId, experimentId), eq(experimentCells.key, key), eq(experimentCells.status, "running"), eq(experimentCells.instanceId, me)))
    .returning({ key: experimentCells.key });
  return rows.length > 0;
}

export async function doneResults(db: Database, experimentId: string, keys: string[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: experimentCells.key, result: experimentCells.result })
    .from(experimentCells)
    .where(and(eq(experimentCells.experimentId, experimentId), eq(experimentCells.status, "done"), sql`${experimentCells.key} in ${keys}`));
  return new Map(rows.map((r) => [r.key, r.result]));
}

export interface ProgressCounts {
  done: number;
  running: number;
  costUsd: number;
  /** Units finished in the last minute, for the ETA. */
  doneLastMinute: number;
  firstStartedAt: Date | null;
  lastFinishedAt: Date | null;
}

export async function progressCounts(db: Database, experimentId: string): Promise<ProgressCounts> {
  const { rows } = await db.execute(sql`
    select count(*) filter (where status = 'done') as done,
           count(*) filter (where status = 'running') as running,
           coalesce(sum(cost_usd), 0) as cost,
           count(*) filter (where status = 'done' and finished_at > now() - interval '1 minute') as recent,
           min(started_at) as first_started, max(finished_at) as last_finished
    from experiment_cells where experiment_id = ${experimentId}`);
  const row = rows[0] ?? {};
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    done: Number(row.done ?? 0),
    running: Number(row.running ?? 0),
    costUsd: Number(row.cost ?? 0),
    doneLastMinute: Number(row.recent ?? 0),
    firstStartedAt: date(row.first_started),
    lastFinishedAt: date(row.last_finished),
  };
}

/** Marks the experiment finished once every unit is done; true only for the caller that did it. */
export async function finishIfComplete(db: Database, experimentId: string): Promise<boolean> {
  const rows = await db
    .update(experiments)
    .set({ status: "finished", finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(experiments.id, experimentId),
        inArray(experiments.status, LIVE),
        sql`(select count(*) from experiment_cells c where c.experiment_id = ${experimentId} and c.status = 'done') >= ${experiments.total}`,
      ),
    )
    .returning({ id: experiments.id });
  return rows.length > 0;
}

export async function allUnits(db: Database, experimentId: string): Promise<ExperimentCellRow[]> {
  return db.select().from(experimentCells).where(eq(experimentCells.experimentId, experimentId));
}

/** Each unit's key and status, without its result (recovery reads every unit of a job). */
export async function unitStatuses(db: Database, experimentId: string): Promise<Map<string, string>> {
  const rows = await db.select({ key: experimentCells.key, status: experimentCells.status }).from(experimentCells).where(eq(experimentCells.experimentId, experimentId));
  return new Map(rows.map((row) => [row.key, row.status]));
}

/** Experiments whose units may still be queued or run. */
export async function liveExperimentIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: experiments.id }).from(experiments).where(inArray(experiments.status, LIVE));
  return rows.map((row) => row.id);
}

/** Units of running experiments whose holder is gone: their job died with it. */
export async function orphanedUnits(db: Database, me: string, liveness: Liveness) {
  const { rows } = await db.execute(sql`
    select experiment_cells.experiment_id, experiment_cells.key, experiment_cells.attempts
    from experiment_cells join experiments e on e.id = experiment_cells.experiment_id
    where experiment_cells.status = 'running' and e.status in ('running', 'paused') and ${holderIsGone(liveness, me)}`);
  return rows.map((r) => ({ experimentId: String(r.experiment_id), key: String(r.key), attempts: Number(r.attempts) }));
}

/** Runs of units in flight, so a cancel can stop them wherever they execute. */
export async function runningRunIds(db: Database, experimentId: string): Promise<string[]> {
  const rows = await db
    .select({ runId: experimentCells.runId })
    .from(experimentCells)
    .where(and(eq(experimentCells.experimentId, experimentId), eq(experimentCells.status, "running")));
  return rows.flatMap((r) => (r.runId ? [r.runId] : []));
}
