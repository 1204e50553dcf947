"use client";

import { useMemo, useState } from "react";
import { MetricSwitch, type Metric } from "@/components/analysis/metric-switch";
import { similarityQualityCorrelation } from "@/lib/experiments/correlation";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";

/** Does the MoA answer resemble the answers the judge preferred? Spearman's ρ over the experiment. */
export function SimilarityQuality({ plan, progress }: { plan: ExperimentPlan; progress: ExperimentProgress }) {
  const [metric, setMetric] = useState<Metric>("bleu");
  const layered = plan.variants.filter((v) => v.config.layers.length > 1);
  const [target, setTarget] = useState(layered[0]?.id ?? "");
  const result = useMemo(() => (target ? similarityQualityCorrelation(plan, progress, target, metric) : undefined), [plan, progress, target, metric]);
  if (!result || plan.variants.length < 3) return null;
  return (
    <section aria-label="Similarity and judged quality" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 className="font-semibold">Similarity vs judged quality</h3>
        <select value={target} onChange={(e) => setTarget(e.target.value)} className="h-7 rounded-md border border-line bg-surface px-2 text-xs">
          {layered.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        <MetricSwitch value={metric} onChange={setMetric} className="ml-auto" />
      </div>
      <p className="text-sm">
        Spearman ρ = <strong className="tabular-nums">{result.rho === undefined ? "–" : result.rho.toFixed(2)}</strong>{" "}
        <span className="text-muted">over {result.n} answer pairs</span>
      </p>
      <p className="max-w-prose text-xs text-muted">
        For every prompt, how similar this variant&apos;s answer is to each other variant&apos;s answer, rank-correlated with how the judge
        rated those answers. Positive: it resembles the answers the judge preferred, as the paper found for MoA aggregators. Undefined
        without variation in either.
      </p>
    </section>
  );
}
