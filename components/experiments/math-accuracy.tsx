"use client";

import type { VariantAccuracy } from "@/lib/suites/exact-match-runner";
import type { ExperimentPlan } from "@/lib/experiments/types";

/** MATH: each variant's share of boxed answers equal to the reference, the benchmark's own metric beside the win rates. */
export function MathAccuracy({ plan, accuracy }: { plan: ExperimentPlan; accuracy: VariantAccuracy[] }) {
  return (
    <section aria-label="MATH accuracy" className="flex flex-col gap-1 text-sm">
      <h3 className="text-sm font-semibold">MATH accuracy (exact match of the final answer)</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 tabular-nums">
        {accuracy.map((a) => (
          <li key={a.variantId}>
            {plan.variants.find((v) => v.id === a.variantId)?.label ?? a.variantId}: {a.correct} / {a.scored}
            {a.accuracy !== undefined && ` (${(a.accuracy * 100).toFixed(0)}%)`}
          </li>
        ))}
      </ul>
    </section>
  );
}
