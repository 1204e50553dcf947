import { paretoFront } from "./pareto";

export type CostAxis = "cost" | "latency" | "tflops";

/** Something to place on a quality-vs-cost chart: an experiment's variant, or a setup of your runs. */
export interface QualityCandidate {
  id: string;
  label: string;
  /** A win rate in [0, 1], with its 95% interval when there is one. */
  quality?: { rate: number; low?: number; high?: number };
  meanCostUsd?: number;
  meanLatencyMs?: number;
  meanTflops?: number;
  /**
   * Some of its tokens came from a model with no known parameter count: its compute is not known
   * (never 0), so it stays off the compute axis and out of that Pareto front.
   */
  tflopsUnknown?: boolean;
}

export interface QualityPoint {
  id: string;
  label: string;
  x: number;
  /** Win rate in percent. */
  y: number;
  /** How far the interval reaches below and above `y`, in percent (the form an error bar takes). */
  interval?: [number, number];
  onFront: boolean;
}

const X_OF: Record<CostAxis, (c: QualityCandidate) => number | undefined> = {
  cost: (c) => c.meanCostUsd,
  latency: (c) => c.meanLatencyMs,
  tflops: (c) => (c.tflopsUnknown ? undefined : c.meanTflops),
};

/** Candidates with a quality that cannot sit on this axis because their figure is unknown (listed beside the chart). */
export function offAxis(candidates: QualityCandidate[], axis: CostAxis): QualityCandidate[] {
  return candidates.filter((c) => c.quality && X_OF[axis](c) === undefined);
}

/** Quality against cost, latency or compute, with the Pareto front marked (Figure 5 of the paper). */
export function qualityPoints(candidates: QualityCandidate[], axis: CostAxis): QualityPoint[] {
  const points = candidates.flatMap((c) => {
    const x = X_OF[axis](c);
    if (x === undefined || !c.quality) return [];
    const { rate, low, high } = c.quality;
    const interval: [number, number] | undefined = low === undefined || high === undefined ? undefined : [(rate - low) * 100, (high - rate) * 100];
    return [{ id: c.id, label: c.label, x, y: rate * 100, ...(interval && { interval }) }];
  });
  const front = new Set(paretoFront(points).map((p) => p.id));
  return points.map((p) => ({ ...p, onFront: front.has(p.id) }));
}
