import { AppError } from "@/lib/errors";
import type { RunEvent, TerminalEvent, Usage } from "@/lib/moa/events";

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

/** Waits for the run's end: its final text and the usage of all its agents, or a typed failure. */
export async function awaitOutcome(events: AsyncIterable<RunEvent>): Promise<{ text: string; usage: Usage }> {
  for await (const event of events) {
    if (event.type === "run-finished") return { text: event.text, usage: event.usage };
    if (event.type === "run-failed" || event.type === "run-cancelled" || event.type === "run-interrupted") throw failureOf(event);
  }
  // The stream ends without a terminal event only when the caller went away.
  throw new AppError("internal", "The run's event stream ended before the run did.");
}
