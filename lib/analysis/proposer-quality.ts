import type { AgentState, RunState } from "@/lib/moa/run-state";
import type { SimilarityMetric, SimilarityRow } from "./similarity";
import { spearman } from "./spearman";
import { pairwiseWinRates, type PairVerdict, type WinRate } from "./win-rate";

/**
 * The MoA paper's check that an aggregator leans on the better answers, inside one run: rank
 * the proposer answers the final aggregator received by a judge's pairwise verdicts, and
 * rank-correlate that with how similar the final answer is to each of them.
 */

/** Below this many judged proposers a rank correlation says next to nothing. */
export const MIN_PROPOSERS_TO_JUDGE = 3;

/** What the final aggregator received that a judge can compare: the previous layer's finished, non-empty answers, in agent order. */
export function judgeableProposers(state: RunState): AgentState[] {
  if (state.agents.length < 2) return [];
  return state.agents[state.agents.length - 2].filter((a) => a.status === "done" && a.text.trim() !== "");
}

/** One pairwise verdict between two proposers, named by agent index. */
export type ProposerPair = PairVerdict<number>;

export interface ProposerQuality {
  agent: number;
  /** Undefined when the judge compared this proposer with nothing. */
  winRate?: WinRate;
  similarity: Record<SimilarityMetric, number>;
}

export interface QualityCorrelation {
  /** Spearman's ρ; undefined with fewer than two judged proposers or when either side is constant. */
  rho?: number;
  /** Proposers that have both a similarity and a win rate. */
  n: number;
}

export interface ProposerQualityTable {
  proposers: ProposerQuality[];
  correlation: Record<SimilarityMetric, QualityCorrelation>;
}

/**
 * `agents[i]` is the proposer whose similarity to the final answer is `similarity.<metric>[i]`.
 * A positive ρ means the final answer is closer to the answers the judge preferred.
 */
export function proposerQuality(agents: number[], similarity: SimilarityRow, pairs: ProposerPair[]): ProposerQualityTable {
  const rates = pairwiseWinRates(pairs);
  const proposers: ProposerQuality[] = agents.map((agent, i) => ({
    agent,
    winRate: rates.get(agent),
    similarity: { bleu: similarity.bleu[i], tfidf: similarity.tfidf[i], levenshtein: similarity.levenshtein[i] },
  }));
  const judged = proposers.flatMap((p) => (p.winRate ? [{ similarity: p.similarity, rate: p.winRate.rate }] : []));
  const correlate = (metric: SimilarityMetric): QualityCorrelation => ({
    rho: spearman(
      judged.map((p) => p.similarity[metric]),
      judged.map((p) => p.rate),
    ),
    n: judged.length,
  });
  return { proposers, correlation: { bleu: correlate("bleu"), tfidf: correlate("tfidf"), levenshtein: correlate("levenshtein") } };
}
