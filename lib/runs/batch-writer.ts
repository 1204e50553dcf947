import "server-only";
import type { RunEvent } from "@/lib/moa/events";
import type { RunStore } from "./run-store";

/** Rows per statement: a few hundred runs' batches, a few MB of JSON at most. */
const MAX_GROUP = 200;

interface Waiting {
  runId: string;
  events: RunEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const writers = new WeakMap<RunStore, RunStore>();

/**
 * The store, with every run's event batches written together: one INSERT for all the batches
 * waiting, instead of one per run. PGlite runs one statement at a time, and most of a small
 * statement's cost is the statement: 100 runs flushing separately kept the database busy for
 * seconds (one 100-row statement costs about a seventh of 100 single ones), and each statement
 * is also a message to the database thread and back. Each statement starts from setImmediate, so
 * requests get their turn between statements. Order within a run holds: its buffer has one write
 * in flight.
 */
export function coalescingStore(store: RunStore): RunStore {
  let writer = writers.get(store);
  if (!writer) {
    writer = { ...store, appendEvents: createGroupWriter(store) };
    writers.set(store, writer);
  }
  return writer;
}

function createGroupWriter(store: RunStore): RunStore["appendEvents"] {
  const waiting: Waiting[] = [];
  let draining = false;

  async function drain(): Promise<void> {
    const group = waiting.splice(0, MAX_GROUP);
    try {
      await store.appendEventBatches(group.map(({ runId, events }) => ({ runId, events })));
      for (const w of group) w.resolve();
    } catch {
      // One run's bad batch (its row deleted meanwhile, …) must not fail the others: write them one by one.
      for (const w of group) await store.appendEvents(w.runId, w.events).then(w.resolve, w.reject);
    }
    if (waiting.length > 0) setImmediate(() => void drain());
    else draining = false;
  }

  return (runId, events) => {
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      waiting.push({ runId, events, resolve, reject });
      if (draining) return;
      draining = true;
      setImmediate(() => void drain());
    });
  };
}
