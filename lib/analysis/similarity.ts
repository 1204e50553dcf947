import type { RunState } from "@/lib/moa/run-state";
import { receivedBy } from "@/lib/moa/methods/received";
import { bleu } from "./bleu";
import { levenshteinSimilarity } from "./levenshtein";
import { tfidfSimilarities } from "./tfidf";

export { bleu } from "./bleu";
export { levenshteinSimilarity } from "./levenshtein";
export { tfidfCosine, tfidfSimilarities } from "./tfidf";
export { tokenize } from "./tokenize";

export type SimilarityMetric = "bleu" | "tfidf" | "levenshtein";

/**
 * How close one answer is to each of several others, by each metric: `bleu[i]`, `tfidf[i]` and
 * `levenshtein[i]` all refer to `others[i]`; every value is in [0, 1]. BLEU treats `answer` as
 * the candidate and each other answer as the reference; TF-IDF weighs words across `others`.
 */
export type SimilarityRow = Record<SimilarityMetric, number[]>;

export function similarityRow(answer: string, others: string[]): SimilarityRow {
  return {
    bleu: others.map((text) => bleu(answer, text)),
    tfidf: tfidfSimilarities(answer, others),
    levenshtein: others.map((text) => levenshteinSimilarity(answer, text)),
  };
}

export interface AgentRef {
  layer: number;
  agent: number;
  model: string;
}

/** How close one aggregator's answer is to each answer it received (`inputs[i]`): one heatmap row per metric. */
export interface AttributionRow extends AgentRef, SimilarityRow {
  inputs: AgentRef[];
}

/**
 * Rows for every aggregator (0-based layer ≥ 1) that finished, in layer then agent order.
 * Its inputs are the finished agents of the previous layer, in agent order, or those the
 * run's method chose: exactly the answers the engine put into its prompt.
 */
export function attribution(state: Pick<RunState, "agents" | "steps">): AttributionRow[] {
  const rows: AttributionRow[] = [];
  for (let layer = 1; layer < state.agents.length; layer++) {
    const received = receivedBy(state, layer);
    if (received.length === 0) continue;
    for (const aggregator of state.agents[layer]) {
      if (aggregator.status !== "done") continue;
      rows.push({
        layer,
        agent: aggregator.agent,
        model: aggregator.model,
        inputs: received.map(({ layer: l, agent, model }) => ({ layer: l, agent, model })),
        ...similarityRow(aggregator.text, received.map((a) => a.text)),
      });
    }
  }
  return rows;
}
