"use client";

import { useState } from "react";
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatTflops } from "@/components/analysis/run-figures";
import { formatMs, formatUsd } from "@/components/run/format";
import { qualityPoints, type CostAxis, type VariantSummary } from "@/lib/experiments/results";

const AXES: Record<CostAxis, { label: string; format(x: number): string }> = {
  cost: { label: "Mean cost per prompt", format: (x) => formatUsd(x) },
  latency: { label: "Mean latency", format: (x) => formatMs(x) },
  tflops: { label: "Mean TFLOPs", format: (x) => formatTflops(x) },
};

/**
 * Quality against cost (or latency, or compute) for each variant, with the Pareto front
 * joined: the paper's Figure 5, for your own prompts. Up and to the left is better.
 */
export function QualityChart({ summaries }: { summaries: VariantSummary[] }) {
  const [axis, setAxis] = useState<CostAxis>("cost");
  const points = qualityPoints(summaries, axis);
  const front = points.filter((p) => p.onFront).sort((a, b) => a.x - b.x);
  const format = AXES[axis].format;

  return (
    <figure className="flex flex-col gap-2" aria-label="Quality against cost chart">
      <div className="flex flex-wrap items-center gap-2">
        <figcaption className="text-sm font-semibold">Quality vs {axis === "cost" ? "cost" : axis === "latency" ? "latency" : "compute"}</figcaption>
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
        <p className="text-sm text-muted">The chart appears once variants have runs and verdicts.</p>
      ) : (
        <div className="h-72 w-full" data-testid="quality-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }}>
              <CartesianGrid stroke="var(--c-line)" strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="x"
                name={AXES[axis].label}
                tickFormatter={format}
                stroke="var(--c-muted)"
                fontSize={11}
                label={{ value: AXES[axis].label, position: "insideBottom", offset: -12, fontSize: 11, fill: "var(--c-muted)" }}
              />
              <YAxis
                type="number"
                dataKey="y"
                name="Win rate"
                domain={[0, 100]}
                unit="%"
                stroke="var(--c-muted)"
                fontSize={11}
                label={{ value: "Win rate vs reference", angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--c-muted)" }}
              />
              <Tooltip
                cursor={{ strokeDasharray: "3 3" }}
                formatter={(value, name) => (name === "Win rate" ? `${Number(value).toFixed(0)}%` : format(Number(value)))}
                labelFormatter={() => ""}
              />
              <Scatter name="Pareto front" data={front} line={{ stroke: "var(--c-accent)", strokeWidth: 2 }} lineType="joint" fill="var(--c-accent)" isAnimationActive={false} />
              <Scatter name="Variants" data={points} fill="var(--c-muted)" isAnimationActive={false}>
                <LabelList dataKey="label" position="top" fontSize={10} fill="var(--c-fg)" />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      )}
      <p className="text-xs text-muted">
        Each dot is a variant; the line joins the Pareto front, the variants no other beats on both quality and {axis}. The reference sits at
        50% by definition.
      </p>
    </figure>
  );
}
