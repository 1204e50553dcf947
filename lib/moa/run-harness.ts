import type { EngineDeps } from "./engine-deps";
import { createEventChannel } from "./event-channel";
import { stampEvent, type RunEvent, type RunEventBody } from "./events";

/** What a run's driver gets: the clock, the run's own abort controller, and the one way to emit. */
export interface RunHarness {
  now: () => number;
  startedAt: number;
  /** Aborted by the caller's signal, by a failure that stops the run, or when the consumer stops reading. */
  controller: AbortController;
  /** Stamps the body (runId, seq without gaps, t in ms since start) and queues it; nothing after the end. */
  emit(body: RunEventBody): void;
  /** Emits the terminal event; later emits are dropped. */
  end(body: RunEventBody): void;
  isEnded(): boolean;
  /** Why the run was cancelled, in words a viewer reads. */
  cancelReason(): string;
}

/**
 * Runs `drive` and yields the events it emits, in order, as batches: everything emitted since the
 * consumer last asked (see EventChannel.batches). Every run (the paper's MoA or a method's
 * strategy) goes through here, so each one ends with exactly one terminal event even if its driver
 * crashes, and stopping the iteration aborts everything in flight.
 */
export async function* harnessBatches(deps: EngineDeps, name: string, drive: (run: RunHarness) => Promise<void>): AsyncGenerator<RunEvent[], void, undefined> {
  const now = deps.now ?? (() => performance.now());
  const startedAt = now();
  const controller = new AbortController();
  const channel = createEventChannel<RunEvent>();
  let seq = 0;
  let lastT = 0;
  let ended = false;

  const emit = (body: RunEventBody) => {
    if (ended) return;
    // Clamped so t never runs backwards even if the clock does.
    lastT = Math.max(lastT, Math.round(now() - startedAt));
    channel.push(stampEvent(body, { runId: deps.runId, seq: seq++, t: lastT }));
  };
  const end = (body: RunEventBody) => {
    emit(body);
    ended = true;
  };
  const cancelReason = () => {
    const reason = deps.signal?.reason;
    return deps.signal?.aborted && typeof reason === "string" && reason.trim() ? reason : "cancelled by user";
  };

  const onCancel = () => controller.abort(deps.signal?.reason);
  deps.signal?.addEventListener("abort", onCancel, { once: true });
  if (deps.signal?.aborted) onCancel();

  const driving = drive({ now, startedAt, controller, emit, end, isEnded: () => ended, cancelReason })
    .catch((error: unknown) => {
      // A bug in the engine must still end the run with a terminal event.
      console.error(`${name} crashed`, error);
      end({ type: "run-failed", message: "The engine hit an internal error." });
    })
    .finally(() => channel.close());

  try {
    yield* channel.batches();
  } finally {
    controller.abort(new Error("the consumer stopped reading"));
    deps.signal?.removeEventListener("abort", onCancel);
    await driving;
  }
}

/** The events of a batched run one by one, for consumers that take them singly. */
export async function* oneByOne<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T, void, undefined> {
  for await (const batch of batches) yield* batch;
}
