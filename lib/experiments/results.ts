import type { QualityCandidate } from "@/lib/analysis/quality-points";
import { pairOutcome, pairwiseOutcomes, winRate, type Outcome, type PairVerdict, type WinRate } from "@/lib/analysis/win-rate";
import { sideLabel } from "./answer-sets";
import type { Comparison, ExperimentPlan, ExperimentProgress, Judgement } from "./types";
import { comparisonsOf, unitKey } from "./types";

export interface VariantSummary {
  variantId: string;
  label: string;
  isReference: boolean;
  /**
   * Over every verdict of the comparisons it is in, whichever side (against the reference when
   * the plan has one); undefined for the reference itself or before any readable verdict.
   */
  winRate?: WinRate;
  /** Verdicts that flipped with the order (counted as ties). */
  inconsistent: number;
  /** Verdicts the judge could not give: left out of the win rate, counted here. */
  unreadable: number;
  runs: number;
  failedRuns: number;
  meanCostUsd?: number;
  costEstimated: boolean;
  meanTokens?: number;
  meanLatencyMs?: number;
  /** Undefined when unknown (see `tflopsUnknown`) or without finished runs. */
  meanTflops?: number;
  /** A model of some run has no known parameter count: compute unknown, never counted as 0. */
  tflopsUnknown: boolean;
}

export interface ComparisonSummary {
  comparison: Comparison;
  labelA: string;
  labelB: string;
  /** Of side `a` against side `b`: wins, ties, losses, Wilson 95% interval. */
  winRate?: WinRate;
  inconsistent: number;
  unreadable: number;
}

const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length);

/** A stored judgement as a verdict between two variant ids. */
const asPair = (c: Comparison, j: Judgement): PairVerdict<string> => ({ a: c.a, b: c.b, winner: j.winner, unreadable: j.error !== undefined });

function judged(plan: ExperimentPlan, progress: ExperimentProgress) {
  return comparisonsOf(plan).flatMap((c) =>
    plan.prompts.flatMap((p) => {
      const j = progress.judgements[unitKey(p.id, c.id)];
      return j ? [{ comparison: c, judgement: j }] : [];
    }),
  );
}

/** Per comparison: side a's wins, ties and losses against side b with a Wilson 95% interval, and the verdicts that were unreadable. */
export function summarizeComparisons(plan: ExperimentPlan, progress: ExperimentProgress): ComparisonSummary[] {
  const all = judged(plan, progress);
  return comparisonsOf(plan).map((comparison) => {
    const mine = all.filter((j) => j.comparison.id === comparison.id).map((j) => j.judgement);
    return {
      comparison,
      labelA: sideLabel(plan, comparison.a),
      labelB: sideLabel(plan, comparison.b),
      winRate: winRate(mine.map((j) => pairOutcome(asPair(comparison, j), "a"))),
      inconsistent: mine.filter((j) => !j.consistent && !j.error).length,
      unreadable: mine.filter((j) => j.error !== undefined).length,
    };
  });
}

/** Per variant: its win rate with a Wilson 95% interval, and mean cost, tokens, latency and compute. */
export function summarize(plan: ExperimentPlan, progress: ExperimentProgress): VariantSummary[] {
  const all = judged(plan, progress);
  const outcomes = pairwiseOutcomes(all.map((j) => asPair(j.comparison, j.judgement)));
  return plan.variants.map((variant) => {
    const runs = plan.prompts.map((p) => progress.runs[unitKey(p.id, variant.id)]).filter((r) => r !== undefined);
    const mine = all.filter((j) => j.comparison.a === variant.id || j.comparison.b === variant.id).map((j) => j.judgement);
    const finished = runs.filter((r) => r.status === "finished");
    const isReference = variant.id === plan.reference && !plan.comparisons;
    const list: Outcome[] = outcomes.get(variant.id) ?? [];
    const tflopsUnknown = finished.some((r) => r.tflopsUnknown === true);
    return {
      variantId: variant.id,
      label: variant.label,
      isReference,
      winRate: isReference ? undefined : winRate(list),
      inconsistent: mine.filter((j) => !j.consistent && !j.error).length,
      unreadable: mine.filter((j) => j.error !== undefined).length,
      runs: runs.length,
      failedRuns: runs.length - finished.length,
      meanCostUsd: mean(finished.map((r) => r.costUsd)),
      costEstimated: finished.some((r) => r.costEstimated),
      meanTokens: mean(finished.map((r) => r.inputTokens + r.outputTokens)),
      meanLatencyMs: mean(finished.map((r) => r.durationMs)),
      meanTflops: tflopsUnknown ? undefined : mean(finished.map((r) => r.tflops)),
      tflopsUnknown,
    };
  });
}

/** The variants as points of the quality chart; the reference sits at 50% by definition. */
export function variantCandidates(summaries: VariantSummary[]): QualityCandidate[] {
  return summaries.map((s) => ({
    id: s.variantId,
    label: s.label,
    quality: s.isReference ? { rate: 0.5 } : s.winRate,
    meanCostUsd: s.meanCostUsd,
    meanLatencyMs: s.meanLatencyMs,
    meanTflops: s.meanTflops,
    tflopsUnknown: s.tflopsUnknown,
  }));
}
