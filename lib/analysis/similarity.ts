import type { RunState } from "@/lib/moa/run-state";
import { bleu } from "./bleu";
import { levenshteinSimilarity } from "./levenshtein";
import { tfidfSimilarities } from "./tfidf";

export { bleu, bleuTokens } from "./bleu";
export { levenshteinSimilarity } from "./levenshtein";
export { tfidfCosine, tfidfSimilarities } from "./tfidf";
export { tokenize } from "./tokenize";

export interface AgentRef {
  layer: number;
  agent: number;
  model: string;
}

/**
 * How close one aggregator's answer is to each answer it received: one heatmap row per metric.
 * `bleu[i]`, `tfidf[i]` and `levenshtein[i]` all refer to `inputs[i]`; every value is in [0, 1].
 * BLEU treats the aggregator's answer as the candidate and the input as the reference.
 */
export interface AttributionRow extends AgentRef {
  inputs: AgentRef[];
  bleu: number[];
  tfidf: number[];
  levenshtein: number[];
}

/**
 * Rows for every aggregator (0-based layer ≥ 1) that finished, in layer then agent order.
 * Its inputs are the finished agents of the previous layer, in agent order: exactly the
 * answers the engine put into its synthesis prompt.
 */
export function attribution(state: RunState): AttributionRow[] {
  const rows: AttributionRow[] = [];
  for (let layer = 1; layer < state.agents.length; layer++) {
    const received = state.agents[layer - 1].filter((a) => a.status === "done");
    if (received.length === 0) continue;
    for (const aggregator of state.agents[layer]) {
      if (aggregator.status !== "done") continue;
      const texts = received.map((a) => a.text);
      rows.push({
        layer,
        agent: aggregator.agent,
        model: aggregator.model,
        inputs: received.map(({ layer: l, agent, model }) => ({ layer: l, agent, model })),
        bleu: texts.map((text) => bleu(aggregator.text, text)),
        tfidf: tfidfSimilarities(aggregator.text, texts),
        levenshtein: texts.map((text) => levenshteinSimilarity(aggregator.text, text)),
      });
    }
  }
  return rows;
}
