import "server-only";
import { AppError } from "@/lib/errors";
import { isClustered } from "@/lib/db/backend";
import { registry } from "./registry";

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/** After the grace period, how long stopped runs get to store their last events. */
const FLUSH_TIMEOUT_MS = 5_000;
export const SHUTDOWN_REASON = "the server shut down while this run was in progress";

/** POST /api/runs on a draining instance: 503, so a load balancer or client retries elsewhere. */
export class ShuttingDownError extends AppError {
  override readonly status = 503;
  readonly retryAfterS = 1;
  constructor() {
    super("conflict:shutting_down", "This server is shutting down and takes no new runs. Try again in a moment.");
  }
}

export function assertAcceptingRuns(): void {
  if (registry.draining) throw new ShuttingDownError();
}

export function isDraining(): boolean {
  return registry.draining;
}

export function shutdownGraceMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.MOA_SHUTDOWN_GRACE_MS);
  return env.MOA_SHUTDOWN_GRACE_MS && Number.isFinite(value) && value >= 0 ? value : DEFAULT_SHUTDOWN_GRACE_MS;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function openRuns() {
  return [...registry.liveRuns.values()].filter((run) => !run.ended);
}

/**
 * Stops taking runs, lets running ones finish for up to `graceMs`, then stops the rest (they
 * end as run-interrupted), waits for their events and outcomes to be stored, and closes the
 * database. Resolves when it is safe to exit.
 */
export async function drainRuns(graceMs: number = shutdownGraceMs()): Promise<{ finished: number; interrupted: number }> {
  registry.draining = true;
  const before = openRuns().length;
  const deadline = Date.now() + graceMs;
  while (openRuns().length > 0 && Date.now() < deadline) await sleep(Math.min(100, Math.max(1, deadline - Date.now())));
  const left = openRuns();
  for (const run of left) {
    registry.interrupting.add(run.id);
    run.controller.abort(SHUTDOWN_REASON);
  }
  await Promise.race([Promise.allSettled([...registry.executions.values()]), sleep(FLUSH_TIMEOUT_MS)]);
  return { finished: before - left.length, interrupted: left.length };
}

/** Closes what holds the process open: the LISTEN connection, the heartbeat and the database. */
export async function releaseResources(): Promise<void> {
  const [{ closeListener }, { stopHeartbeat, retireInstance, processInstanceId }, { getDbHandle, closeDb, isDbOpen }] = await Promise.all([
    import("../fanout/listener"),
    import("@/lib/db/instances"),
    import("@/lib/db/client"),
  ]);
  stopHeartbeat();
  await closeListener();
  // Only a database this process opened: opening one now would just run migrations to exit.
  if (isClustered() && isDbOpen()) {
    await getDbHandle()
      .then(({ db }) => retireInstance(db, processInstanceId()))
      .catch((error) => console.error("could not retire this instance", error));
  }
  await closeDb();
}
