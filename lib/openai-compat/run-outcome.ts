import "server-only";
import { AppError } from "@/lib/errors";
import type { RunEvent, TerminalEvent, Usage } from "@/lib/moa/events";
import { foldToEnd } from "@/lib/runs/follow";
import type { OpenAIFinishReason } from "./chunks";

/** How a run that did not finish is reported to an OpenAI client. */
export function failureOf(event: Exclude<TerminalEvent, { type: "run-finished" }>): AppError {
  switch (event.type) {
    case "run-failed":
      return new AppError("upstream:run_failed", `The MoA run failed: ${event.message}`);
    case "run-cancelled":
      return new AppError("upstream:run_cancelled", `The MoA run was cancelled: ${event.reason}`);
    case "run-interrupted":
      return new AppError("internal", `The MoA run was interrupted: ${event.reason}`);
  }
}

/**
 * Tracks whether the final aggregator's answer was cut by its token limit, from the events
 * (the final layer is the last of the config in run-started).
 */
export function createFinishTracker() {
  let finalLayer = Number.POSITIVE_INFINITY;
  let reason: OpenAIFinishReason = "stop";
  return {
    observe(event: RunEvent): void {
      if (event.type === "run-started") finalLayer = event.config.layers.length - 1;
      else if (event.type === "agent-finished" && event.layer === finalLayer) reason = event.finishReason === "length" ? "length" : "stop";
    },
    reason: () => reason,
  };
}

/** Waits for the run's end: its final text, the usage of all its agents and why the answer ended, or a typed failure. */
export async function awaitOutcome(runId: string, events: AsyncIterable<RunEvent>): Promise<{ text: string; usage: Usage; finishReason: OpenAIFinishReason }> {
  const { state, end } = await foldToEnd(runId, events);
  // The stream ends without a terminal event only when the caller went away.
  if (!end) throw new AppError("internal", "The run's event stream ended before the run did.");
  if (end.type !== "run-finished") throw failureOf(end);
  const cut = state.agents.at(-1)?.[0]?.finishReason === "length";
  return { text: end.text, usage: end.usage, finishReason: cut ? "length" : "stop" };
}
