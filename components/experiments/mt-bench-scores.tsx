"use client";

import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { MeanInterval } from "@/lib/analysis/mean-interval";
import type { ExperimentPlan } from "@/lib/experiments/types";
import type { TurnScores, VariantMtBench } from "@/lib/suites/mt-bench-scores";

function score(m: MeanInterval | undefined): string {
  if (!m) return "…";
  const interval = m.low !== undefined && m.high !== undefined ? ` (${m.low.toFixed(1)}–${m.high.toFixed(1)})` : "";
  return `${m.mean.toFixed(2)}${interval}, n ${m.n}`;
}

const unscored = (t: TurnScores) => t.unscored;

/** MT-Bench: the judge's 1–10 single-answer grades, mean per turn and overall per variant, the benchmark's own metric. */
export function MtBenchScores({ plan, scores }: { plan: ExperimentPlan; scores: VariantMtBench[] }) {
  return (
    <section aria-label="MT-Bench scores" className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">MT-Bench scores (single-answer grading, 1–10)</h3>
      <FiguresTable
        label="MT-Bench scores"
        className="min-w-[40rem] text-sm [&_thead]:text-xs"
        headers={["Variant", "Turn 1", "Turn 2", "Overall", "No score"]}
      >
        <tbody>
          {scores.map((s) => {
            const missing = unscored(s.turn1) + unscored(s.turn2);
            return (
              <tr key={s.variantId} className="border-b border-line last:border-0">
                <td className={TD}>{plan.variants.find((v) => v.id === s.variantId)?.label ?? s.variantId}</td>
                <td className={TD}>{score(s.turn1.mean)}</td>
                <td className={TD}>{score(s.turn2.mean)}</td>
                <td className={TD}>{score(s.overall)}</td>
                <td className={TD} title="The judge's reply had no readable [[rating]], or the turn had no answer: left out of the means">
                  {missing > 0 ? `${missing} of ${s.turn1.graded + s.turn2.graded}` : "–"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </FiguresTable>
      <p className="text-xs text-muted">
        Each question is asked twice in one conversation: the second turn follows the variant&apos;s own first answer. The judge rates each answer 1–10, the
        second with the first turn as context. Intervals: 95% t-intervals over questions; the overall score averages each question&apos;s turns.
      </p>
    </section>
  );
}
