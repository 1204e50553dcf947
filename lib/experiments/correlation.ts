import { bleu, levenshteinSimilarity, tfidfCosine, type SimilarityMetric } from "@/lib/analysis/similarity";
import { spearman } from "@/lib/analysis/spearman";
import type { ExperimentPlan, ExperimentProgress } from "./types";
import { unitKey } from "./types";

const SIMILARITY: Record<SimilarityMetric, (a: string, b: string) => number> = {
  bleu,
  tfidf: tfidfCosine,
  levenshtein: levenshteinSimilarity,
};

export interface SimilarityQuality {
  /** Spearman's ρ; undefined with fewer than two pairs or no variation. */
  rho?: number;
  n: number;
}

/**
 * The paper's check that an aggregator leans on the better answers, on experiment data: over
 * every prompt, how similar the `target` variant's answer is to each other variant's answer,
 * rank-correlated with that answer's judged quality (win 1, tie ½, loss 0 against the
 * reference; the reference itself ½). A positive ρ means the target resembles the answers
 * the judge preferred.
 */
export function similarityQualityCorrelation(
  plan: ExperimentPlan,
  progress: ExperimentProgress,
  target: string,
  metric: SimilarityMetric,
): SimilarityQuality {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of plan.prompts) {
    const mine = progress.runs[unitKey(p.id, target)];
    if (mine?.status !== "finished") continue;
    for (const v of plan.variants) {
      if (v.id === target) continue;
      const other = progress.runs[unitKey(p.id, v.id)];
      if (other?.status !== "finished") continue;
      let quality: number | undefined;
      if (v.id === plan.reference) quality = 0.5;
      else {
        const j = progress.judgements[unitKey(p.id, v.id)];
        quality = j && { variant: 1, tie: 0.5, reference: 0 }[j.winner];
      }
      if (quality === undefined) continue;
      xs.push(SIMILARITY[metric](mine.text, other.text));
      ys.push(quality);
    }
  }
  return { rho: spearman(xs, ys), n: xs.length };
}
