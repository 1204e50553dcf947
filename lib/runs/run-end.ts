import "server-only";
import { hasEnded, type RunState } from "@/lib/moa/run-state";
import { summarizeAgents } from "./agent-summary";
import type { RunEnd } from "./run-store";

/** How an ended run is stored: its status, answer, usage and agents, as its events say. */
export function runEndOf(state: RunState): RunEnd & Required<Pick<RunEnd, "agents">> {
  return {
    status: hasEnded(state.status) ? state.status : "failed",
    finalText: state.finalText,
    usage: state.usage,
    durationMs: state.durationMs ?? state.t,
    error: state.error,
    agents: summarizeAgents(state),
  };
}
