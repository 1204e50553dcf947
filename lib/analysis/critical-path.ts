import type { AgentState, RunState } from "@/lib/moa/run-state";

export interface CriticalStep {
  layer: number;
  agent: number;
  model: string;
  /** ms since run start */
  finishedAt: number;
}

/**
 * The agent a layer waited for last: the latest `finishedAt` among agents that finished or
 * failed. Skipped agents are excluded because the layer stopped waiting for them; stopped
 * agents never ended. Ties go to the lower agent index.
 */
export function criticalAgent(row: AgentState[]): CriticalStep | undefined {
  let last: AgentState | undefined;
  for (const a of row) {
    if ((a.status !== "done" && a.status !== "failed") || a.finishedAt === undefined) continue;
    if (!last || a.finishedAt > (last.finishedAt ?? -Infinity)) last = a;
  }
  return last && { layer: last.layer, agent: last.agent, model: last.model, finishedAt: last.finishedAt ?? 0 };
}

/** One step per layer that had an agent end: the chain of waits that set the run's latency. */
export function criticalPath(state: RunState): CriticalStep[] {
  return state.agents.map(criticalAgent).filter((s): s is CriticalStep => s !== undefined);
}
