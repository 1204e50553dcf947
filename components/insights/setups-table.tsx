"use client";

import { formatMs, formatTflops, formatUsd } from "@/lib/client/format";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import type { SetupQuality } from "@/lib/analysis/setup-quality";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One row per setup: its judged win rate with the Wilson 95% interval, and the mean figures of its runs. */
export function SetupsTable({ setups }: { setups: SetupQuality[] }) {
  return (
    <FiguresTable
      label="Judged setups"
      className="min-w-[40rem] text-sm [&_thead]:text-xs"
      headers={["Setup", "Runs", "Win rate (95% CI)", "Comparisons W–T–L", "Unreadable", "Mean cost", "Mean latency", "Mean TFLOPs"]}
    >
      <tbody>
        {setups.map(({ id, label, shape, runs, quality, meanCostUsd, costEstimated, meanLatencyMs, meanTflops, tflopsUnknown }) => (
          <tr key={id} className="border-b border-line last:border-0">
            <td className={TD}>
              {label} <span className="text-xs text-muted">{shape}</span>
            </td>
            <td className={TD}>{runs}</td>
            <td className={TD}>
              {pct(quality.rate)} <span className="text-xs text-muted">({pct(quality.low)}–{pct(quality.high)})</span>
            </td>
            <td className={TD}>
              {quality.wins}–{quality.ties}–{quality.losses}
            </td>
            <td className={TD} title="The judge failed or named no winner: left out of the win rate">
              {quality.unreadable > 0 ? `${quality.unreadable} unreadable` : "–"}
            </td>
            <td className={TD}>
              {formatUsd(meanCostUsd)}
              {costEstimated && <abbr title="estimated: some models have no known price">*</abbr>}
            </td>
            <td className={TD}>{formatMs(meanLatencyMs)}</td>
            <td className={TD}>
              {tflopsUnknown ? <abbr title="A model of this setup has no known parameter count">unknown</abbr> : meanTflops === undefined ? "–" : formatTflops(meanTflops)}
            </td>
          </tr>
        ))}
      </tbody>
    </FiguresTable>
  );
}
