"use client";

import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { AblationGrid } from "@/lib/experiments/ablation-grids";
import type { LcWinRate } from "@/lib/analysis/lc-win-rate";
import type { VariantSummary } from "@/lib/experiments/results";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A grid's rows: the paper's figure beside our raw and length-controlled win rates against the grid's reference. */
export function AblationGridTable({ grid, summaries, lc }: { grid: AblationGrid; summaries: VariantSummary[]; lc: Map<string, LcWinRate> }) {
  return (
    <section aria-label="Ablation grid figures" className="flex flex-col gap-1">
      <h3 className="text-sm font-semibold">
        {grid.title} <span className="font-normal text-muted">· paper: {grid.source}</span>
      </h3>
      <FiguresTable
        label="Ablation grid"
        className="min-w-[40rem] text-sm [&_thead]:text-xs"
        headers={["Variant", `Paper (${grid.source}, LC win rate vs GPT-4 Turbo)`, "Ours: win rate vs reference", "Ours: LC win rate (95% bootstrap)", "Mean length (chars)"]}
      >
        <tbody>
          {grid.rows.map((row) => {
            const s = summaries.find((x) => x.variantId === row.variantId);
            const l = lc.get(row.variantId);
            return (
              <tr key={row.variantId} className="border-b border-line last:border-0">
                <td className={TD}>{s?.label ?? row.variantId}</td>
                <td className={TD}>{row.paper ?? "–"}</td>
                <td className={TD}>{s?.winRate ? `${pct(s.winRate.rate)} (${pct(s.winRate.low)}–${pct(s.winRate.high)})` : "…"}</td>
                <td className={TD}>{l ? `${pct(l.lcWinRate)} (${pct(l.lcLow)}–${pct(l.lcHigh)}), n ${l.n}` : "…"}</td>
                <td className={TD}>{l ? `${Math.round(l.meanModelLength)} vs ${Math.round(l.meanBaselineLength)}` : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </FiguresTable>
      <p className="text-xs text-muted">
        The paper&apos;s column is AlpacaEval 2.0 against GPT-4 Turbo with its models; ours is against this grid&apos;s reference on these prompts, so compare
        directions between rows, not levels. LC: logistic fit of the verdict on tanh(length difference / s.d.), read at equal length.
      </p>
    </section>
  );
}
