"use client";

import { formatMs, formatTflops, formatTokens, formatUsd } from "@/lib/client/format";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { VariantSummary } from "@/lib/experiments/results";

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Win rate of each variant (Wilson 95% interval) against the reference, or over its comparisons, and its mean figures. */
export function ResultsTable({ summaries, referenceLabel }: { summaries: VariantSummary[]; referenceLabel?: string }) {
  return (
    <FiguresTable
      label="Experiment results"
      className="min-w-[44rem] text-sm [&_thead]:text-xs"
      headers={["Variant", referenceLabel ? `Win rate vs ${referenceLabel}` : "Win rate over its comparisons", "95% CI", "W / T / L", "Unreadable", "Mean cost", "Mean tokens", "Mean latency", "Mean TFLOPs"]}
    >
      <tbody>
        {summaries.map((s) => (
          <tr key={s.variantId} className="border-b border-line last:border-0">
            <td className={TD}>
              {s.label}
              {s.isReference && <span className="ml-1.5 text-xs text-muted">(reference)</span>}
              {s.failedRuns > 0 && <span className="ml-1.5 text-xs text-red-700 dark:text-red-300">{s.failedRuns} failed</span>}
            </td>
            <td className={TD}>{s.isReference ? "–" : s.winRate ? pct(s.winRate.rate) : "…"}</td>
            <td className={TD}>{s.winRate ? `${pct(s.winRate.low)}–${pct(s.winRate.high)}` : "–"}</td>
            <td className={TD} title={s.inconsistent ? `${s.inconsistent} flipped with order: counted as ties` : undefined}>
              {s.winRate ? `${s.winRate.wins} / ${s.winRate.ties} / ${s.winRate.losses}` : "–"}
            </td>
            <td className={TD} title="The judge failed or named no winner: left out of the win rate">
              {s.unreadable > 0 ? `${s.unreadable} unreadable` : "–"}
            </td>
            <td className={TD}>
              {formatUsd(s.meanCostUsd)}
              {s.costEstimated && "*"}
            </td>
            <td className={TD}>{s.meanTokens === undefined ? "–" : formatTokens(Math.round(s.meanTokens))}</td>
            <td className={TD}>{formatMs(s.meanLatencyMs)}</td>
            <td className={TD}>
              {s.tflopsUnknown ? <abbr title="A model of this variant has no known parameter count">unknown</abbr> : s.meanTflops === undefined ? "–" : formatTflops(s.meanTflops)}
            </td>
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}
