import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import type { RunKeys } from "@/lib/providers/keys";
import { cancelRun, postRun, streamRunEvents, type StartRunBody } from "@/lib/client/run-client";

export interface RunToEndInput {
  config: MoAConfig;
  messages: ChatMessage[];
  variant?: "moa" | "ranker";
  keys?: RunKeys;
  owner?: string;
}

/**
 * Starts a run from the browser and follows it to its end without a UI store. Aborting
 * `signal` cancels the run on the server too, so an interrupted experiment stops paying.
 */
export async function runToEnd(input: RunToEndInput, signal: AbortSignal): Promise<RunState> {
  const body: StartRunBody & { variant?: string } = input;
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
