import type { QualityCandidate } from "@/lib/analysis/quality-points";
import { winRate, type Outcome, type WinRate } from "@/lib/analysis/win-rate";
import type { ExperimentPlan, ExperimentProgress } from "./types";
import { unitKey } from "./types";

export interface VariantSummary {
  variantId: string;
  label: string;
  isReference: boolean;
  /** Against the reference; undefined for the reference itself or before any verdict. */
  winRate?: WinRate;
  /** Verdicts that flipped with the order (counted as ties). */
  inconsistent: number;
  /** Verdicts the judge could not give (counted as ties). */
  judgeErrors: number;
  runs: number;
  failedRuns: number;
  meanCostUsd?: number;
  costEstimated: boolean;
  meanTokens?: number;
  meanLatencyMs?: number;
  meanTflops?: number;
}

const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length);

/** Per variant: win rate against the reference with a Wilson 95% interval, and mean cost, tokens, latency and compute. */
export function summarize(plan: ExperimentPlan, progress: ExperimentProgress): VariantSummary[] {
  return plan.variants.map((variant) => {
    const runs = plan.prompts.map((p) => progress.runs[unitKey(p.id, variant.id)]).filter((r) => r !== undefined);
    const judgements = plan.prompts.map((p) => progress.judgements[unitKey(p.id, variant.id)]).filter((j) => j !== undefined);
    const finished = runs.filter((r) => r.status === "finished");
    const isReference = variant.id === plan.reference;
    const outcomes = judgements.map((j): Outcome => (j.winner === "variant" ? "win" : j.winner === "reference" ? "loss" : "tie"));
    return {
      variantId: variant.id,
      label: variant.label,
      isReference,
      winRate: isReference ? undefined : winRate(outcomes),
      inconsistent: judgements.filter((j) => !j.consistent && !j.error).length,
      judgeErrors: judgements.filter((j) => j.error).length,
      runs: runs.length,
      failedRuns: runs.length - finished.length,
      meanCostUsd: mean(finished.map((r) => r.costUsd)),
      costEstimated: finished.some((r) => r.costEstimated),
      meanTokens: mean(finished.map((r) => r.inputTokens + r.outputTokens)),
      meanLatencyMs: mean(finished.map((r) => r.durationMs)),
      meanTflops: mean(finished.map((r) => r.tflops)),
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
  }));
}
