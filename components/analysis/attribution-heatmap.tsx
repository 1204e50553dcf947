"use client";

import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { AttributionRow } from "@/lib/analysis/similarity";
import { shortModel } from "@/lib/client/model-view";
import type { RunState } from "@/lib/moa/run-state";
import { useAttribution } from "./use-attribution";
import { MetricSwitch, METRICS, type Metric } from "./metric-switch";


/**
 * The accent laid over the page at the value's strength: 0 is blank, 1 is solid. That reads
 * "stronger colour = closer" in both themes (the accent is dark on white, light on black), which
 * is what the caption says; "darker" was true in light mode only.
 */
export function cellStyle(value: number): React.CSSProperties {
  return { background: `color-mix(in oklab, var(--c-accent) ${Math.round(value * 100)}%, transparent)` };
}

/** Past this strength the page's own ink loses contrast: white on the dark accent, near-black on the light one. */
export const cellInk = (value: number) => (value > 0.78 ? "text-white dark:text-zinc-950" : undefined);

function HeatLegend() {
  return (
    <div className="flex items-center gap-1.5 text-xs text-muted" aria-label="Colour scale: from less similar (blank) to more similar (solid colour)" role="img" data-testid="heat-legend">
      <span>less similar</span>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <span key={v} data-value={v} className="h-3 w-5 rounded-sm border border-line" style={cellStyle(v)} />
      ))}
      <span>more similar</span>
    </div>
  );
}

function LayerGrid({ rows, metric }: { rows: AttributionRow[]; metric: Metric }) {
  const inputs = rows[0].inputs;
  const layer = rows[0].layer;
  // Every row is its own grid with the same columns, so rows stay real elements for assistive tech.
  const columns = { gridTemplateColumns: `minmax(9rem, max-content) repeat(${inputs.length}, minmax(4.5rem, 6rem))` };
  return (
    <div className="overflow-x-auto">
      <div role="table" aria-label={`Layer ${layer + 1} aggregators against layer ${layer} answers (${METRICS[metric].label})`} className="flex w-max flex-col gap-px text-xs">
        <div role="row" className="grid gap-px" style={columns}>
          <div role="columnheader" className="px-2 py-1 text-muted">
            Layer {layer + 1} ↓ · layer {layer} →
          </div>
          {inputs.map((input) => (
            <div role="columnheader" key={input.agent} className="truncate px-2 py-1 text-center text-muted" title={input.model}>
              #{input.agent + 1} {shortModel(input.model)}
            </div>
          ))}
        </div>
        {rows.map((row) => {
          const values = row[metric];
          const best = Math.max(...values);
          return (
            <div role="row" className="grid gap-px" style={columns} key={`${row.layer}-${row.agent}`}>
              <div role="rowheader" className="truncate px-2 py-1.5 font-medium" title={row.model}>
                #{row.agent + 1} {shortModel(row.model)}
              </div>
              {values.map((value, i) => (
                <div
                  role="cell"
                  key={i}
                  // relative: the sr-only mark is placed against its cell, not the page, so a scrolled-off
                  // cell does not widen the document on a phone.
                  className={cn("relative rounded-sm px-2 py-1.5 text-center tabular-nums", cellInk(value))}
                  style={cellStyle(value)}
                  title={`${shortModel(row.model)} vs answer #${row.inputs[i].agent + 1}: ${METRICS[metric].label} ${value.toFixed(3)}`}
                >
                  {value.toFixed(2)}
                  {value === best && values.length > 1 && <span className="sr-only"> (closest)</span>}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * How much each aggregator drew on each answer it received: its similarity to every input,
 * by one of three metrics. The MoA paper found aggregators closest to the best proposers.
 */
export function AttributionHeatmap({ run }: { run: RunState }) {
  const [metric, setMetric] = useState<Metric>("bleu");
  const rows = useAttribution(run);
  const byLayer = useMemo(() => {
    const groups = new Map<number, AttributionRow[]>();
    for (const row of rows ?? []) groups.set(row.layer, [...(groups.get(row.layer) ?? []), row]);
    return [...groups.values()];
  }, [rows]);

  return (
    <section aria-labelledby="attribution-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="attribution-heading" className="text-sm font-semibold">
          What the aggregators used
        </h3>
        <MetricSwitch value={metric} onChange={setMetric} className="ml-auto" />
      </div>
      {rows === undefined ? (
        <p className="text-sm text-muted" role="status">
          Comparing every aggregator with the answers it received…
        </p>
      ) : byLayer.length === 0 ? (
        <p className="text-sm text-muted">No aggregator finished with answers to compare, so there is nothing to attribute.</p>
      ) : (
        byLayer.map((group) => <LayerGrid key={group[0].layer} rows={group} metric={metric} />)
      )}
      <HeatLegend />
      <p className="max-w-prose text-xs text-muted">
        Each row is an aggregator, each column an answer it received. The stronger a cell&apos;s colour, the closer the aggregator&apos;s
        text is to that answer ({METRICS[metric].explain}). A row with one strong cell leaned on one proposer; an even row blended
        them. Similarity shows what was used, not whether it was good.
      </p>
    </section>
  );
}
