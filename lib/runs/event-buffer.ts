import "server-only";
import { isTerminal, type RunEvent } from "@/lib/moa/events";
import type { RunStore } from "./run-store";

export interface EventBufferOptions {
  /** How long an event may wait before it is written; default 200 ms. */
  flushIntervalMs?: number;
  /** Write as soon as this many events are waiting; default 256. */
  maxEvents?: number;
  /** A write failed; its events stay buffered and go out with the next flush. */
  onError?: (error: unknown) => void;
}

export interface EventBuffer {
  push(event: RunEvent): void;
  /** Writes everything buffered so far; resolves once that write has been attempted. */
  flush(): Promise<void>;
  /** Final flush and stop; events that still cannot be written are reported through onError. */
  close(): Promise<void>;
}

/**
 * Collects a run's events and writes them as batches: one `appendEvents` call per interval
 * or per `maxEvents`, never one per token. Writes run one at a time, so batches land in
 * order; a terminal event is written at once, so a finished run is readable immediately.
 */
export function createEventBuffer(store: RunStore, runId: string, options: EventBufferOptions = {}): EventBuffer {
  const flushIntervalMs = options.flushIntervalMs ?? 200;
  const maxEvents = options.maxEvents ?? 256;
  const onError = options.onError ?? ((error: unknown) => console.error(`run ${runId}: writing events failed`, error));

  let pending: RunEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  /** A write that is queued but has not taken its events yet; later flushes share it. */
  let queued: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let lastError: unknown;

  function schedule(): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, flushIntervalMs);
    // A pending flush must not keep a finished process alive.
    timer.unref?.();
  }

  async function write(): Promise<void> {
    queued = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      await store.appendEvents(runId, batch);
      lastError = undefined;
    } catch (error) {
      // Put the batch back in front of anything pushed meanwhile: order is preserved.
      pending = batch.concat(pending);
      lastError = error;
      onError(error);
    }
    if (pending.length > 0) schedule();
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (!queued) {
      queued = chain.then(write);
      chain = queued;
    }
    return queued;
  }

  return {
    push(event) {
      if (closed) throw new Error(`event buffer for run ${runId} is closed`);
      pending.push(event);
      if (isTerminal(event) || pending.length >= maxEvents) void flush();
      else schedule();
    },
    flush,
    async close() {
      closed = true;
      await flush();
      if (timer) clearTimeout(timer);
      timer = undefined;
      // Never rejects: callers close in a `finally` and must still record the run's outcome.
      if (pending.length > 0) {
        onError(new Error(`${pending.length} events of run ${runId} could not be written`, { cause: lastError }));
      }
    },
  };
}
