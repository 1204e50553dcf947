"use client";

import { formatMs, formatTflops, formatTokens, formatUsd } from "@/components/run/format";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { VariantSummary } from "@/lib/experiments/results";

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Win rate of each variant against the reference (Wilson 95% interval), and its mean figures. */
export function ResultsTable({ summaries, referenceLabel }: { summaries: VariantSummary[]; referenceLabel: string }) {
  return (
    <FiguresTable
      label="Experiment results"
      className="min-w-[44rem] text-sm [&_thead]:text-xs"
      headers={["Variant", `Win rate vs ${referenceLabel}`, "95% CI", "W / T / L", "Mean cost", "Mean tokens", "Mean latency", "Mean TFLOPs"]}
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
            <td className={TD} title={s.inconsistent || s.judgeErrors ? `${s.inconsistent} flipped with order, ${s.judgeErrors} unreadable: counted as ties` : undefined}>
              {s.winRate ? `${s.winRate.wins} / ${s.winRate.ties} / ${s.winRate.losses}` : "–"}
            </td>
            <td className={TD}>
              {formatUsd(s.meanCostUsd)}
              {s.costEstimated && "*"}
            </td>
            <td className={TD}>{s.meanTokens === undefined ? "–" : formatTokens(Math.round(s.meanTokens))}</td>
            <td className={TD}>{formatMs(s.meanLatencyMs)}</td>
            <td className={TD}>{s.meanTflops === undefined ? "–" : formatTflops(s.meanTflops)}</td>
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}
