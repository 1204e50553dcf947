import "server-only";
import { isTerminal, type RunEvent, type TerminalEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { openEventStream } from "./run-manager";

export interface FollowedRun {
  state: RunState;
  /** The run's terminal event; absent only when the events stopped first (the follower went away). */
  end?: TerminalEvent;
}

/** Folds events into the run's state up to its terminal event. */
export async function foldToEnd(runId: string, events: AsyncIterable<RunEvent>): Promise<FollowedRun> {
  let state = initialRunState(runId);
  for await (const event of events) {
    state = reduceRun(state, event);
    if (isTerminal(event)) return { state, end: event };
  }
  return { state };
}

/**
 * Follows a run to its end, whether it runs here, on another instance, or has ended already.
 * Aborting `signal` stops following, not the run. Without one (a server job that owns the run)
 * it follows to the terminal event, which every run reaches: finished, failed, cancelled or interrupted.
 */
export async function followRun(id: string, signal?: AbortSignal): Promise<FollowedRun> {
  return foldToEnd(id, await openEventStream(id, -1, signal ?? new AbortController().signal));
}
