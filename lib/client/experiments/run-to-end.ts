import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { cancelRun, postRun, streamRunEvents } from "@/lib/client/run-client";
import type { StartRunBody } from "@/lib/wire/run-request";

/**
 * Starts a run from the browser and follows it to its end without a UI store. Aborting
 * `signal` cancels the run on the server too, so an interrupted experiment stops paying.
 */
export async function runToEnd(body: StartRunBody, signal: AbortSignal): Promise<RunState> {
  const started = await postRun(body);
  let state = initialRunState(started.id);
  const onAbort = () => void cancelRun(started.id, started.owner).catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    await streamRunEvents(started.id, { signal, onEvents: (events) => (state = events.reduce(reduceRun, state)) });
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError");
  return state;
}
