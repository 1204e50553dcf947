import "server-only";
import { processGlobal } from "@/lib/process-global";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { instances } from "./schema";

/** How often an instance proves it is alive. */
export const HEARTBEAT_MS = 5_000;
/** An instance silent for this long is dead: its open runs are swept as interrupted. */
export const STALE_AFTER_MS = 30_000;

const instance = processGlobal("instance", () => ({} as { id?: string; heartbeat?: ReturnType<typeof setInterval> }));

/**
 * This process's id. A random suffix keeps it unique even when a restarted container reuses
 * its hostname and pid 1: a fresh process must never inherit its predecessor's heartbeat.
 */
export function processInstanceId(): string {
  instance.id ??= `${process.env.MOA_INSTANCE_ID ?? `${hostname()}:${process.pid}`}:${randomBytes(3).toString("hex")}`;
  return instance.id;
}

export async function beat(db: Database, id: string): Promise<void> {
  await db
    .insert(instances)
    .values({ id })
    .onConflictDoUpdate({ target: instances.id, set: { heartbeatAt: sql`now()` } });
}

/** Forgets instances that have been silent for an hour; their runs were swept long ago. */
export async function forgetLongDeadInstances(db: Database): Promise<void> {
  await db.delete(instances).where(lt(instances.heartbeatAt, sql`now() - interval '1 hour'`));
}

export async function removeInstance(db: Database, id: string): Promise<void> {
  await db.delete(instances).where(sql`${instances.id} = ${id}`);
}

/** SQL condition on `runs`: the run's instance has no fresh heartbeat (or never had one). */
export function runOfDeadInstance(staleAfterMs: number = STALE_AFTER_MS) {
  return sql`(runs.instance_id is null or not exists (
    select 1 from instances i
    where i.id = runs.instance_id and i.heartbeat_at > now() - (${staleAfterMs} * interval '1 millisecond')))`;
}

/**
 * Keeps this instance's heartbeat fresh and, every third beat, sweeps the runs of instances
 * that died without closing them. Failures are logged and retried on the next tick.
 */
export function startHeartbeat(db: Database, id: string, sweep: () => Promise<unknown>): void {
  if (instance.heartbeat) return;
  let tick = 0;
  instance.heartbeat = setInterval(() => {
    tick += 1;
    const work = tick % 3 === 0 ? beat(db, id).then(sweep).then(() => forgetLongDeadInstances(db)) : beat(db, id);
    work.catch((error) => console.error("instance heartbeat failed", error));
  }, HEARTBEAT_MS);
  instance.heartbeat.unref?.();
}

export function stopHeartbeat(): void {
  clearInterval(instance.heartbeat);
  instance.heartbeat = undefined;
}

/** A clean exit: frees this instance's concurrency slots and its heartbeat row. */
export async function retireInstance(db: Database, id: string): Promise<void> {
  await db.execute(sql`delete from run_slots where instance_id = ${id}`);
  await removeInstance(db, id);
}
