import "server-only";
import { addUsage, emptyUsage } from "@/lib/moa/usage";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { isTerminal, type EventOf, type RunEvent, type Usage } from "@/lib/moa/events";
import type { RunState } from "@/lib/moa/run-state";
import { foldRun, summarizeAgents } from "./agent-summary";
import { runEndOf } from "./run-end";
import type { RunEnd } from "./run-store";

type Interrupted = EventOf<"run-interrupted">;

/**
 * The run-interrupted event that closes a run which will never end by itself (its process died,
 * or it was exported mid-run): after the last stored event, and above every seq the run may have
 * sent to viewers without storing it first (`seqReserved`).
 */
export function interruptedEvent(runId: string, events: RunEvent[], reason: string, seqReserved?: number | null): Interrupted {
  const last = events.at(-1);
  return { type: "run-interrupted", runId, seq: Math.max(last?.seq ?? -1, seqReserved ?? -1) + 1, t: last?.t ?? 0, reason };
}

/**
 * A run left open, closed. If its events already end it (its process died after storing the
 * terminal event, before the row said so), the row takes that ending: a finished run stays
 * finished, and a job that takes its cell over can use its answer. Otherwise the run gets its
 * run-interrupted event and the outcome folded from everything before it.
 */
export function closeLeftOpen(
  run: { id: string; config: MoAConfig; messages: ChatMessage[] },
  events: RunEvent[],
  reason: string,
  seqReserved?: number | null,
): { event?: Interrupted; end: RunEnd & Required<Pick<RunEnd, "agents">> } {
  if (events.some(isTerminal)) return { end: runEndOf(foldRun(run.id, run.config, run.messages, events)) };
  const event = interruptedEvent(run.id, events, reason, seqReserved);
  const state = foldRun(run.id, run.config, run.messages, [...events, event]);
  return {
    event,
    end: {
      status: "interrupted",
      finalText: finalAgentText(state),
      usage: sumAgentUsage(state),
      durationMs: event.t,
      error: reason,
      agents: summarizeAgents(state),
    },
  };
}

/** Tokens paid for so far: what finished agents reported (used when a run never finished). */
function sumAgentUsage(state: RunState): Usage {
  return state.agents.flat().reduce((sum, a) => (a.usage ? addUsage(sum, a.usage) : sum), emptyUsage());
}

/** Text of the final aggregator, complete or partial. */
function finalAgentText(state: RunState): string {
  return state.agents.at(-1)?.[0]?.text ?? "";
}
