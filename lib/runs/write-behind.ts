import "server-only";
import type { RunStore } from "./run-store";

/**
 * The run's writes, each held until the run's row exists. Starting a run then costs no database
 * round trip: with PGlite every statement waits its turn behind the event batches of the runs
 * already going, which made POST /api/runs take seconds under load. If the row never lands, every
 * write fails with that error.
 */
export function afterCreated(store: RunStore, created: Promise<void>): RunStore {
  return {
    ...store,
    async reserveSeqs(runId, throughSeq) {
      await created;
      return store.reserveSeqs(runId, throughSeq);
    },
    async appendEvents(runId, events) {
      await created;
      return store.appendEvents(runId, events);
    },
    async finishRun(runId, end) {
      await created;
      return store.finishRun(runId, end);
    },
  };
}
