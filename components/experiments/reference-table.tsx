"use client";

import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { LcWinRate } from "@/lib/analysis/lc-win-rate";
import type { VariantSummary } from "@/lib/experiments/results";
import type { AnswerSet } from "@/lib/experiments/types";
import { plural } from "@/lib/plural";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * AlpacaEval-style figures against fixed reference answers: each variant's raw win rate (Wilson
 * 95%) and length-controlled win rate (95% bootstrap), with the mean answer lengths the control
 * adjusts for.
 */
export function ReferenceTable({ reference, summaries, lc }: { reference: AnswerSet; summaries: VariantSummary[]; lc: Map<string, LcWinRate> }) {
  return (
    <section aria-label="Against the reference answers" className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">
        Against {reference.label} <span className="font-normal text-muted">· {reference.source}, {plural(Object.keys(reference.answers).length, "answer")}</span>
      </h3>
      <FiguresTable
        label="Win rates against the reference"
        className="min-w-[40rem] text-sm [&_thead]:text-xs"
        headers={["Variant", "Win rate vs reference (95% Wilson)", "LC win rate (95% bootstrap)", "Mean length (chars), variant vs reference"]}
      >
        <tbody>
          {summaries.map((s) => {
            const l = lc.get(s.variantId);
            return (
              <tr key={s.variantId} className="border-b border-line last:border-0">
                <td className={TD}>{s.label}</td>
                <td className={TD}>{s.winRate ? `${pct(s.winRate.rate)} (${pct(s.winRate.low)}–${pct(s.winRate.high)})` : "…"}</td>
                <td className={TD}>{l ? `${pct(l.lcWinRate)} (${pct(l.lcLow)}–${pct(l.lcHigh)}), n ${l.n}` : "…"}</td>
                <td className={TD}>{l ? `${Math.round(l.meanModelLength)} vs ${Math.round(l.meanBaselineLength)}` : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </FiguresTable>
      <p className="text-xs text-muted">
        The reference answers are judged as they are, by the same judge and in both orders; nothing runs for them. LC: logistic fit of the verdict on tanh(length
        difference / s.d.), read at equal length, as AlpacaEval 2.0 does; it needs three readable verdicts.
      </p>
    </section>
  );
}
