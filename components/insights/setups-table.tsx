"use client";

import { formatTflops } from "@/components/analysis/run-figures";
import { formatMs, formatUsd } from "@/components/run/format";
import type { SetupQuality } from "@/lib/analysis/setup-quality";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const TH = "px-2 py-1.5 text-right font-medium first:text-left";
const TD = "px-2 py-1.5 text-right tabular-nums first:text-left";

/** One row per setup: its judged win rate with the Wilson 95% interval, and the mean figures of its runs. */
export function SetupsTable({ setups }: { setups: SetupQuality[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm" aria-label="Judged setups">
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th className={TH}>Setup</th>
            <th className={TH}>Runs</th>
            <th className={TH}>Win rate (95% CI)</th>
            <th className={TH}>Comparisons W–T–L</th>
            <th className={TH}>Mean cost</th>
            <th className={TH}>Mean latency</th>
            <th className={TH}>Mean TFLOPs</th>
          </tr>
        </thead>
        <tbody>
          {setups.map(({ id, label, shape, runs, quality, meanCostUsd, costEstimated, meanLatencyMs, meanTflops }) => (
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
              <td className={TD}>
                {formatUsd(meanCostUsd)}
                {costEstimated && <abbr title="estimated: some models have no known price">*</abbr>}
              </td>
              <td className={TD}>{formatMs(meanLatencyMs)}</td>
              <td className={TD}>{meanTflops === undefined ? "–" : formatTflops(meanTflops)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
