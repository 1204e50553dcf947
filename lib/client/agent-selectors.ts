import { shallow } from "zustand/shallow";
import { liveAnswer } from "@/lib/moa/methods/schema";
import type { AgentState } from "@/lib/moa/run-state";
import type { RunStoreState } from "./run-store";

/** An agent as its column's frame draws it: everything but the text, which streams past React. */
export type AgentMeta = Omit<AgentState, "text"> & { hasText: boolean };

/**
 * One agent without its text. While only the text grows (every delta), the result keeps its
 * identity, so a column's header, footer and badges render when the agent's status or
 * figures change, not once per token.
 */
export function selectAgentMeta(layer: number, agent: number): (state: RunStoreState) => AgentMeta | undefined {
  let source: AgentState | undefined;
  let meta: AgentMeta | undefined;
  return (state) => {
    const current = state.run.agents[layer]?.[agent];
    if (current === source) return meta;
    source = current;
    if (!current) return (meta = undefined);
    const { text, ...rest } = current;
    const next: AgentMeta = { ...rest, hasText: text !== "" };
    if (!meta || !shallow(meta, next)) meta = next;
    return meta;
  };
}

/** One agent's text; "" before it has any. */
export const selectAgentText =
  (layer: number, agent: number) =>
  (state: RunStoreState): string =>
    state.run.agents[layer]?.[agent]?.text ?? "";

/**
 * The run's answer: the final text once the run has it; before, the final aggregator's stream,
 * or nothing while a method that picks or analyses first (ranker, USC, Fusion) has no answer yet.
 */
export const selectAnswerText = (state: RunStoreState): string =>
  state.run.finalText || liveAnswer(state.run.config?.method, state.run.agents.at(-1)?.[0]?.text || "");
