import type { QualityCandidate } from "./quality-points";
import { pairwiseWinRates, type PairVerdict, type WinRate } from "./win-rate";

/** What the quality chart needs to know of one judged run. */
export interface JudgedRunFacts {
  runId: string;
  /** Runs of the same setup (same config, shown under the same label) make one point. */
  setupId: string;
  label: string;
  /** e.g. "2×4" */
  shape: string;
  costUsd: number;
  /** Some tokens had no known price: the cost covers only the priced part. */
  costEstimated: boolean;
  latencyMs?: number;
  tflops: number;
  /** A model of the run has no known parameter count, so its compute is unknown (not `tflops`). */
  tflopsUnknown?: boolean;
}

export interface SetupQuality extends QualityCandidate {
  shape: string;
  runs: number;
  /** The win rate over every judged comparison of any of its runs, a tie counting half; unreadable verdicts counted apart. */
  quality: WinRate;
  costEstimated: boolean;
  tflopsUnknown: boolean;
}

const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length);

/**
 * One point per setup: the win rate of its runs' answers in whole-run comparisons (pairs name
 * run ids) with a Wilson 95% interval, against the mean cost, latency and compute of those runs.
 * Unreadable verdicts leave n and are counted apart.
 * Best first.
 */
export function setupQuality(runs: JudgedRunFacts[], pairs: PairVerdict<string>[]): SetupQuality[] {
  const setupOf = new Map(runs.map((r) => [r.runId, r.setupId]));
  // A run that is gone (deleted) still counts for the run it was compared with.
  const rates = pairwiseWinRates(pairs.map((p) => ({ ...p, a: setupOf.get(p.a), b: setupOf.get(p.b) })));
  const groups = new Map<string, JudgedRunFacts[]>();
  for (const run of runs) groups.set(run.setupId, [...(groups.get(run.setupId) ?? []), run]);
  return [...groups.entries()]
    .flatMap(([setupId, members]) => {
      const quality = rates.get(setupId);
      if (!quality) return [];
      const latencies = members.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs]));
      const tflopsUnknown = members.some((r) => r.tflopsUnknown);
      return [
        {
          id: setupId,
          label: members[0].label,
          shape: members[0].shape,
          runs: members.length,
          quality,
          meanCostUsd: mean(members.map((r) => r.costUsd)),
          costEstimated: members.some((r) => r.costEstimated),
          meanLatencyMs: mean(latencies),
          // A partial sum would understate it (an unsized model counted as 0 TFLOPs): unknown instead.
          meanTflops: tflopsUnknown ? undefined : mean(members.map((r) => r.tflops)),
          tflopsUnknown,
        },
      ];
    })
    .sort((a, b) => b.quality.rate - a.quality.rate || a.label.localeCompare(b.label));
}
