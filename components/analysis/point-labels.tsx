"use client";

import { useEffect, useMemo } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { leaderEnd, placeLabels } from "@/lib/analysis/label-placement";
import type { QualityPoint } from "@/lib/analysis/quality-points";

export const LABEL_FONT_PX = 11;
const LINE_PX = 14;

let canvas: HTMLCanvasElement | undefined;

/** The label's width as the browser will draw it, so the placement does not guess. */
function measure(text: string): number {
  if (typeof document === "undefined") return text.length * LABEL_FONT_PX * 0.6;
  canvas ??= document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) return text.length * LABEL_FONT_PX * 0.6;
  context.font = `${LABEL_FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  return Math.ceil(context.measureText(text).width) + 2;
}

/**
 * Each dot's name on one line, placed where it overprints neither another name nor a dot.
 * Recharts' own labels wrapped to the dot's width (a word a line) and sat on top of each other.
 * Names that find no free spot are handed to `onUnlabelled`, to be listed under the chart.
 */
export function PointLabels({ points, onUnlabelled }: { points: QualityPoint[]; onUnlabelled(ids: string[]): void }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();

  const layout = useMemo(() => {
    if (!xScale || !yScale || !area) return undefined;
    // The front first, then by quality: the dots a reader looks for get the best spots.
    const ordered = [...points].sort((a, b) => Number(b.onFront) - Number(a.onFront) || b.y - a.y);
    const requests = ordered.map((p) => ({ id: p.id, x: Number(xScale(p.x)), y: Number(yScale(p.y)), width: measure(p.label), height: LINE_PX }));
    const bounds = { left: area.x, top: area.y - 12, right: area.x + area.width + 20, bottom: area.y + area.height };
    // The whiskers are marks too: a name across one hides the interval.
    const whiskers = points.flatMap((p) => {
      if (!p.interval) return [];
      const x = Number(xScale(p.x));
      return [{ left: x - 3, right: x + 3, top: Number(yScale(p.y + p.interval[1])), bottom: Number(yScale(p.y - p.interval[0])) }];
    });
    return { requests, ...placeLabels(requests, bounds, { obstacles: whiskers }) };
  }, [points, xScale, yScale, area]);

  const unplacedKey = layout?.unplaced.join("\n") ?? "";
  useEffect(() => {
    onUnlabelled(unplacedKey ? unplacedKey.split("\n") : []);
  }, [unplacedKey, onUnlabelled]);

  if (!layout) return null;
  const byId = new Map(points.map((p) => [p.id, p]));
  const dotOf = new Map(layout.requests.map((r) => [r.id, r]));
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is not focusable; screen readers get the names from the chart's list
    <g className="quality-point-labels" aria-hidden="true">
      {layout.placed.map((label) => {
        const dot = dotOf.get(label.id)!;
        const end = leaderEnd(label, dot.x, dot.y);
        return (
          <g key={label.id}>
            {label.leader && <line x1={dot.x} y1={dot.y} x2={end.x} y2={end.y} stroke="var(--c-muted)" strokeOpacity={0.5} strokeWidth={1} />}
            <text
              data-point-label={label.id}
              x={label.left + 1}
              y={label.top + LINE_PX / 2}
              dominantBaseline="central"
              fontSize={LABEL_FONT_PX}
              fill="var(--c-fg)"
              paintOrder="stroke"
              stroke="var(--c-surface)"
              strokeWidth={3}
              strokeLinejoin="round"
            >
              {byId.get(label.id)?.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
