"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import type { CarriedMatrix, CellState, MatrixRow } from "@/lib/analysis/carried-points";
import { modelView } from "@/lib/client/model-view";
import { plural } from "@/lib/plural";

const CELL: Record<"point" | "wrong", Record<CellState, { mark: string; say: string; className: string }>> = {
  point: {
    carried: { mark: "✓", say: "carried", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200" },
    dropped: { mark: "–", say: "dropped: its inputs had it", className: "bg-amber-50 text-amber-700 dark:bg-amber-950/50 dark:text-amber-300" },
    absent: { mark: "", say: "not carried", className: "" },
    caught: { mark: "", say: "not carried", className: "" },
  },
  wrong: {
    carried: { mark: "✗", say: "made this wrong claim", className: "bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200" },
    caught: { mark: "○", say: "caught: its inputs made it, it did not", className: "bg-sky-50 text-sky-700 dark:bg-sky-950/50 dark:text-sky-300" },
    absent: { mark: "", say: "not made", className: "" },
    dropped: { mark: "", say: "not made", className: "" },
  },
};

function rowLabel(row: MatrixRow): string {
  const { plain, tweaks } = modelView(row.model);
  const name = plain + (tweaks ? ` (${tweaks})` : "");
  return row.final ? `Final · ${name}` : `Layer ${row.layer + 1} · ${name}`;
}

function Cell({ kind, state }: { kind: "point" | "wrong"; state: CellState }) {
  const look = CELL[kind][state];
  return (
    <td className={cn("h-7 w-8 border-l border-line text-center text-sm font-semibold", look.className)}>
      <span aria-hidden="true">{look.mark}</span>
      <span className="sr-only">{look.say}</span>
    </td>
  );
}

/**
 * Answers down the side (layer by layer, the final one last), the prompt's key points (K) and
 * wrong claims (W) across the top: a class watches the points gather up the layers.
 */
export function CarriedMatrixTable({ matrix }: { matrix: CarriedMatrix }) {
  const captionId = useId();
  const { points, wrong, rows, layers } = matrix;
  return (
    <div className="flex flex-col gap-3">
      <div className="w-fit max-w-full overflow-x-auto rounded-lg border border-line">
        <table className="w-max min-w-[36rem] border-collapse text-xs" aria-labelledby={captionId}>
          <caption id={captionId} className="sr-only">
            Key points and wrong claims carried by each answer of the run
          </caption>
          <thead className="bg-subtle/70 text-muted">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                Answer
              </th>
              {points.map((p) => (
                <th key={p.id} scope="col" title={p.text} className="w-8 border-l border-line px-1 py-1.5 text-center font-mono font-medium text-emerald-700 dark:text-emerald-300">
                  <abbr title={p.text} className="no-underline">{p.id.toUpperCase()}</abbr>
                </th>
              ))}
              {wrong.map((w) => (
                <th key={w.id} scope="col" title={w.text} className="w-8 border-l border-line px-1 py-1.5 text-center font-mono font-medium text-red-700 dark:text-red-300">
                  <abbr title={w.text} className="no-underline">{w.id.toUpperCase()}</abbr>
                </th>
              ))}
              <th scope="col" className="border-l border-line px-2 py-1.5 text-right font-medium">
                Key points
              </th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">
                Wrong
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr
                key={`${row.layer}-${row.agent}`}
                className={cn("border-t border-line", i > 0 && rows[i - 1].layer !== row.layer && "border-t-2 border-t-line-strong", row.final && "font-semibold")}
              >
                <th scope="row" className="max-w-64 truncate px-2 py-1 pr-4 text-left font-medium">
                  {rowLabel(row)}
                </th>
                {row.points.map((state, k) => (
                  <Cell key={points[k].id} kind="point" state={state} />
                ))}
                {row.wrong.map((state, k) => (
                  <Cell key={wrong[k].id} kind="wrong" state={state} />
                ))}
                <td className="border-l border-line px-2 py-1 text-right tabular-nums">
                  {row.pointCount}/{points.length}
                  {row.inputPoints !== undefined && <span className="font-normal text-muted"> (inputs had {row.inputPoints})</span>}
                </td>
                <td className={cn("px-2 py-1 text-right tabular-nums", row.wrongCount > 0 && "text-red-700 dark:text-red-300")}>{row.wrongCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-muted" aria-label="Legend">
        <span><b className="text-emerald-700 dark:text-emerald-300">✓</b> carried a key point</span>
        <span><b className="text-amber-700 dark:text-amber-300">–</b> dropped a point its inputs had</span>
        <span><b className="text-red-700 dark:text-red-300">✗</b> made a wrong claim</span>
        <span><b className="text-sky-700 dark:text-sky-300">○</b> caught a wrong claim its inputs made</span>
      </p>
      <ul className="flex flex-col gap-0.5 text-xs" aria-label="Per layer">
        {layers.map((l) => (
          <li key={l.layer}>
            <span className="font-medium">{l.layer === layers.at(-1)?.layer && rows.at(-1)?.final ? "Final answer" : `Layer ${l.layer + 1}`}:</span>{" "}
            {l.answers > 1
              ? `its ${l.answers} answers together carry ${l.pointsTogether} of ${plural(points.length, "key point")} (the best one alone ${l.bestPoints}) and ${plural(l.wrongTogether, "wrong claim")}.`
              : `${l.pointsTogether} of ${plural(points.length, "key point")}, ${plural(l.wrongTogether, "wrong claim")}.`}
          </li>
        ))}
      </ul>
      <div className="grid gap-3 text-xs sm:grid-cols-2">
        <ClaimList title="Key points (hidden from the models)" items={points} className="text-emerald-700 dark:text-emerald-300" />
        <ClaimList title="Tempting wrong claims" items={wrong} className="text-red-700 dark:text-red-300" />
      </div>
    </div>
  );
}

function ClaimList({ title, items, className }: { title: string; items: { id: string; text: string }[]; className: string }) {
  return (
    <div>
      <h4 className="mb-1 font-semibold">{title}</h4>
      <dl className="flex flex-col gap-0.5">
        {items.map((item) => (
          <div key={item.id} className="flex gap-2">
            <dt className={cn("w-7 shrink-0 font-mono font-semibold", className)}>{item.id.toUpperCase()}</dt>
            <dd>{item.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
