/// <reference lib="webworker" />
import { attribution, type AttributionRow } from "@/lib/analysis/similarity";
import type { RunState } from "@/lib/moa/run-state";

/**
 * Computes the attribution heatmap off the main thread: BLEU, TF-IDF and Levenshtein over
 * every aggregator × input pair of a 16-agent layer take ~100 ms, a visible freeze on the
 * page that has just shown the final answer.
 */
export interface AttributionRequest {
  id: number;
  agents: RunState["agents"];
  steps?: RunState["steps"];
}

export interface AttributionResponse {
  id: number;
  rows: AttributionRow[];
}

addEventListener("message", (event: MessageEvent<AttributionRequest>) => {
  const { id, agents, steps } = event.data;
  postMessage({ id, rows: attribution({ agents, steps }) } satisfies AttributionResponse);
});
