"use client";

import { useCallback, useState } from "react";
import { CartesianGrid, ErrorBar, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMs, formatTflops, formatUsd } from "@/lib/client/format";
import { offAxis, qualityPoints, type CostAxis, type QualityCandidate } from "@/lib/analysis/quality-points";
import { PointLabels } from "./point-labels";

const AXES: Record<CostAxis, { name: string; label: string; format(x: number): string }> = {
  cost: { name: "cost", label: "Mean cost", format: (x) => formatUsd(x) },
  latency: { name: "latency", label: "Mean latency", format: (x) => formatMs(x) },
  tflops: { name: "compute", label: "Mean TFLOPs", format: (x) => formatTflops(x) },
};

export interface QualityChartProps {
  candidates: QualityCandidate[];
  /** What a dot stands for, e.g. "variant". */
  noun: string;
  yLabel: string;
  /** Shown instead of the chart when no candidate has both a quality and a cost. */
  empty: React.ReactNode;
  /** Read-me under the chart; the Pareto front is explained already. */
  note?: React.ReactNode;
}

/**
 * Quality against cost (or latency, or compute), a dot per candidate with its 95% interval and
 * the Pareto front joined: the paper's Figure 5, for your own runs. Up and to the left is better.
 */
export function QualityChart({ candidates, noun, yLabel, empty, note }: QualityChartProps) {
  const [axis, setAxis] = useState<CostAxis>("cost");
  const points = qualityPoints(candidates, axis);
  const unplaced = offAxis(candidates, axis);
  const front = points.filter((p) => p.onFront).sort((a, b) => a.x - b.x);
  const { name, label, format } = AXES[axis];
  const [unlabelled, setUnlabelled] = useState<string[]>([]);
  const onUnlabelled = useCallback((ids: string[]) => setUnlabelled(ids), []);
  const crowded = points.filter((p) => unlabelled.includes(p.id));

  return (
    <figure className="flex flex-col gap-2" aria-label="Quality against cost chart">
      <div className="flex flex-wrap items-center gap-2">
        <figcaption className="text-sm font-semibold">Quality vs {name}</figcaption>
        <label className="ml-auto flex items-center gap-2 text-xs">
          <span className="text-muted">x axis</span>
          <select value={axis} onChange={(e) => setAxis(e.target.value as CostAxis)} className="h-7 rounded-md border border-line bg-surface px-2">
            <option value="cost">Cost</option>
            <option value="latency">Latency</option>
            <option value="tflops">TFLOPs</option>
          </select>
        </label>
      </div>
      {points.length === 0 ? (
        empty
      ) : (
        <div className="h-80 w-full" data-testid="quality-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 20, right: 32, bottom: 24, left: 8 }}>
              <CartesianGrid stroke="var(--c-line)" strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="x"
                name={label}
                tickFormatter={format}
                stroke="var(--c-muted)"
                fontSize={11}
                label={{ value: label, position: "insideBottom", offset: -12, fontSize: 11, fill: "var(--c-muted)" }}
              />
              <YAxis
                type="number"
                dataKey="y"
                name="Win rate"
                domain={[0, 100]}
                unit="%"
                stroke="var(--c-muted)"
                fontSize={11}
                label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--c-muted)" }}
              />
              <Tooltip
                cursor={{ strokeDasharray: "3 3" }}
                formatter={(value, series) => (series === "Win rate" ? `${Number(value).toFixed(0)}%` : format(Number(value)))}
                labelFormatter={() => ""}
              />
              <Scatter name={noun} data={points} fill="var(--c-muted)" isAnimationActive={false}>
                <ErrorBar dataKey="interval" direction="y" width={4} stroke="var(--c-muted)" strokeOpacity={0.6} isAnimationActive={false} />
              </Scatter>
              {/* Drawn last, so the front's dots sit on top of the same dots in grey. */}
              <Scatter name="Pareto front" data={front} line={{ stroke: "var(--c-accent)", strokeWidth: 2 }} lineType="joint" fill="var(--c-accent)" isAnimationActive={false} />
              <PointLabels points={points} onUnlabelled={onUnlabelled} />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      )}
      {crowded.length > 0 && (
        <p className="text-xs" aria-label="Unlabelled dots">
          <span className="font-medium">Too close together to label</span> (hover a dot for its name):{" "}
          {crowded.map((p) => `${p.label} (${Math.round(p.y)}%, ${format(p.x)})`).join(", ")}.
        </p>
      )}
      {unplaced.length > 0 && (
        <p className="text-xs" aria-label={`${name} unknown`}>
          <span className="font-medium">{name.charAt(0).toUpperCase() + name.slice(1)} unknown</span>, so not on this axis nor on its Pareto front:{" "}
          {unplaced.map((c) => `${c.label}${c.quality ? ` (${Math.round(c.quality.rate * 100)}%)` : ""}`).join(", ")}
          {axis === "tflops" && ": a model without a known parameter count."}
        </p>
      )}
      <p className="text-xs text-muted">
        Each dot is a {noun}, its whisker the 95% interval of its win rate. The coloured dots, joined by a line, are the Pareto front: the{" "}
        {noun}s no other beats on both quality and {name}. {note}
      </p>
    </figure>
  );
}
