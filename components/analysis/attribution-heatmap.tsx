"use client";

import { useMemo, useState } from "react";
import type { AttributionRow } from "@/lib/analysis/similarity";
import { shortModel } from "@/lib/client/model-view";
import type { RunState } from "@/lib/moa/run-state";
import { useAttribution } from "./use-attribution";
import { MetricSwitch, METRICS, type Metric } from "./metric-switch";


function cellStyle(value: number): React.CSSProperties {
  // Accent at the value's strength: 0 is blank, 1 is solid; text flips to white when dark enough.
  return {
    background: `color-mix(in oklab, var(--c-accent) ${Math.round(value * 100)}%, transparent)`,
    color: value > 0.55 ? "white" : undefined,
  };
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
                  className="relative rounded-sm px-2 py-1.5 text-center tabular-nums"
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
      <p className="max-w-prose text-xs text-muted">
        Each row is an aggregator, each column an answer it received. A darker cell means the aggregator&apos;s text is closer to that
        answer ({METRICS[metric].explain}). A row with one dark cell leaned on one proposer; an even row blended them. Similarity
        shows what was used, not whether it was good.
      </p>
    </section>
  );
}
