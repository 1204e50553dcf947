"use client";

import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { ComparisonSummary } from "@/lib/experiments/results";

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Each head-to-head comparison: wins, ties and losses of side A, its win rate with a Wilson 95% interval, and unreadable verdicts. */
export function ComparisonsTable({ comparisons }: { comparisons: ComparisonSummary[] }) {
  return (
    <FiguresTable
      label="Comparisons"
      className="min-w-[52rem] text-sm [&_thead]:text-xs"
      headers={["Comparison", "A", "B", "W / T / L (A)", "Win rate of A", "95% CI", "Unreadable", "Paper"]}
    >
      <tbody>
        {comparisons.map(({ comparison, labelA, labelB, winRate, inconsistent, unreadable }) => (
          <tr key={comparison.id} className="border-b border-line last:border-0">
            <td className={TD}>{comparison.label}</td>
            <td className={`${TD} text-left`}>{labelA}</td>
            <td className={`${TD} text-left`}>{labelB}</td>
            <td className={TD} title={inconsistent ? `${inconsistent} flipped with order: counted as ties` : undefined}>
              {winRate ? `${winRate.wins} / ${winRate.ties} / ${winRate.losses}` : "–"}
            </td>
            <td className={`${TD} font-semibold`}>{winRate ? pct(winRate.rate) : "…"}</td>
            <td className={TD}>{winRate ? `${pct(winRate.low)}–${pct(winRate.high)}` : "–"}</td>
            <td className={TD} title="The judge failed or named no winner: left out of the win rate">
              {unreadable > 0 ? `${unreadable} unreadable` : "–"}
            </td>
            <td className={`${TD} text-left text-xs text-muted`}>{comparison.claim ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}
