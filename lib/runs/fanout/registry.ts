import "server-only";
import type { LiveRun } from "../live-run";

interface Registry {
  /** Runs this process executes (and, for a while after they end, keeps for late viewers). */
  liveRuns: Map<string, LiveRun>;
  /** Settles once a run's events and outcome are stored; awaited on shutdown. */
  executions: Map<string, Promise<void>>;
  /** Set on SIGTERM: no new runs are taken. */
  draining: boolean;
  /** Runs stopped by shutdown: their end is recorded as run-interrupted, not run-cancelled. */
  interrupting: Set<string>;
}

const holder = globalThis as typeof globalThis & { __moaLiveRuns?: Map<string, LiveRun>; __moaRunRegistry?: Registry };

/**
 * Process-wide state on globalThis: Next bundles instrumentation.ts apart from the route
 * handlers, so module-level variables would not be shared between the SIGTERM hook and them.
 */
export const registry: Registry = (holder.__moaRunRegistry ??= {
  liveRuns: (holder.__moaLiveRuns ??= new Map()),
  executions: new Map(),
  draining: false,
  interrupting: new Set(),
});

/** PostgreSQL is shared with other instances: events and cancels must cross processes. */
export function isClustered(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.DATABASE_URL) && env.MOA_STORE !== "memory";
}
