import "server-only";
import { z } from "zod";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { failureKindSchema, usageSchema, type RunEvent } from "@/lib/moa/events";
import { AGENT_STATUSES, initialRunState, reduceRun, type AgentState, type RunState } from "@/lib/moa/run-state";

/** What is kept of each agent once a run has ended (the `runs.agents` column). */
export const agentSummarySchema = z.object({
  layer: z.number().int().nonnegative(),
  agent: z.number().int().nonnegative(),
  model: z.string(),
  status: z.enum(AGENT_STATUSES),
  text: z.string(),
  usage: usageSchema.optional(),
  ttftMs: z.number().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
  error: z.object({ kind: failureKindSchema, message: z.string() }).optional(),
  skipReason: z.string().optional(),
  reasoning: z.string().optional(),
});

export type AgentSummary = z.infer<typeof agentSummarySchema>;

/**
 * Folds a run's events into its final state. The stored config seeds the agents, so the
 * summary is complete even when `run-started` was never persisted.
 */
export function foldRun(runId: string, config: MoAConfig, messages: ChatMessage[], events: RunEvent[]): RunState {
  const seeded = reduceRun(initialRunState(runId), { type: "run-started", runId, seq: 0, t: 0, config, messages });
  let state: RunState = { ...seeded, status: "pending", lastSeq: -1, t: 0 };
  for (const event of events) state = reduceRun(state, event);
  return state;
}

export function summarizeAgents(state: RunState): AgentSummary[] {
  return state.agents.flat().map((a) => ({
    layer: a.layer,
    agent: a.agent,
    model: a.model,
    status: a.status,
    text: a.text,
    ...(a.usage && { usage: a.usage }),
    ...(a.ttftMs !== undefined && { ttftMs: a.ttftMs }),
    ...(a.durationMs !== undefined && { durationMs: a.durationMs }),
    ...(a.error && { error: a.error }),
    ...(a.skipReason !== undefined && { skipReason: a.skipReason }),
    ...(a.reasoning && { reasoning: a.reasoning }),
  }));
}

/** The agents of a stored run, by layer, back from their summaries (timings within the run are not kept). */
export function agentStatesOf(summaries: AgentSummary[]): AgentState[][] {
  const layers: AgentState[][] = [];
  for (const summary of summaries) (layers[summary.layer] ??= [])[summary.agent] = { ...summary, retries: 0 };
  return layers;
}
