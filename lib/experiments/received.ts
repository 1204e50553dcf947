import { pairwiseWinRates, type PairVerdict } from "@/lib/analysis/win-rate";
import { attribution } from "@/lib/analysis/similarity";
import type { AgentState, RunState } from "@/lib/moa/run-state";
import { MAX_JUDGE_ANSWERS } from "@/lib/wire/judge";
import type { ReceivedLayer } from "./types";

/** The answers one aggregating layer received that a judge can rank: the previous layer's finished, non-empty ones. */
export interface InputsToJudge {
  /** 0-based aggregating layer (≥ 1). */
  layer: number;
  inputs: AgentState[];
}

/** Every aggregating layer's inputs, at most as many as one judge call takes, in agent order. */
export function inputsToJudge(state: RunState): InputsToJudge[] {
  const out: InputsToJudge[] = [];
  for (let layer = 1; layer < state.agents.length; layer++) {
    const inputs = state.agents[layer - 1].filter((a) => a.status === "done" && a.text.trim() !== "").slice(0, MAX_JUDGE_ANSWERS);
    if (inputs.length >= 2 && state.agents[layer].some((a) => a.status === "done")) out.push({ layer, inputs });
  }
  return out;
}

/**
 * What each aggregator of the run received and how the judge rated it: per aggregating layer,
 * every input's win rate among the inputs (`verdicts` name agents of the layer before), and each
 * aggregator's similarity to every input, by the same attribution the heatmap shows.
 */
export function receivedLayers(state: RunState, verdicts: Map<number, PairVerdict<number>[]>): ReceivedLayer[] {
  const rows = attribution(state);
  return inputsToJudge(state).map(({ layer, inputs }) => {
    const pairs = verdicts.get(layer) ?? [];
    const rates = pairwiseWinRates(pairs);
    const agents = inputs.map((a) => a.agent);
    return {
      layer,
      inputs: agents,
      quality: agents.map((agent) => rates.get(agent)?.rate ?? null),
      unreadable: pairs.filter((p) => p.unreadable).length,
      aggregators: rows
        .filter((row) => row.layer === layer)
        .map((row) => {
          const column = agents.map((agent) => row.inputs.findIndex((input) => input.agent === agent));
          const pick = (values: number[]) => column.map((i) => values[i] ?? 0);
          return { agent: row.agent, model: row.model, bleu: pick(row.bleu), tfidf: pick(row.tfidf), levenshtein: pick(row.levenshtein) };
        }),
    };
  });
}
