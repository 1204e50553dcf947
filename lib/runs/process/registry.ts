import "server-only";
import { processGlobal } from "@/lib/process-global";
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

/** Shared by the SIGTERM hook (instrumentation.ts) and the route handlers: see processGlobal. */
export const registry = processGlobal<Registry>("run-registry", () => ({
  liveRuns: new Map(),
  executions: new Map(),
  draining: false,
  interrupting: new Set(),
}));
