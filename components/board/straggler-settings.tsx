"use client";

import { useId } from "react";
import type { LayerPolicy } from "@/lib/moa/config";

const DEFAULT_DEADLINE_MS = 2_000;

/**
 * What a layer does with slow agents, the paper's stated weakness: wait for every answer,
 * go on after the first k, or wait at most some milliseconds after the first answer.
 * The cut agents are shown as skipped; their partial text is not passed on.
 */
export function StragglerSettings({
  layer,
  agents,
  policy,
  onChange,
}: {
  layer: number;
  agents: number;
  policy: LayerPolicy | undefined;
  onChange: (policy: LayerPolicy | undefined) => void;
}) {
  const id = useId();
  const kind = policy?.kind ?? "all";
  const field = "h-7 rounded-md border border-line bg-surface px-1.5 text-xs outline-none focus:border-accent";
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
      <label htmlFor={id} className="font-medium">
        Stragglers
      </label>
      <select
        id={id}
        aria-label={`Stragglers in layer ${layer + 1}`}
        value={kind}
        className={field}
        onChange={(e) => {
          const next = e.target.value;
          if (next === "quorum") onChange({ kind: "quorum", k: Math.max(1, agents - 1) });
          else if (next === "deadline") onChange({ kind: "deadline", ms: DEFAULT_DEADLINE_MS });
          else onChange(undefined);
        }}
      >
        <option value="all">wait for every answer</option>
        <option value="quorum">go on after the first k answers</option>
        <option value="deadline">wait at most … after the first answer</option>
      </select>
      {policy?.kind === "quorum" && (
        <label className="inline-flex items-center gap-1">
          k =
          <input
            type="number"
            aria-label={`Quorum k for layer ${layer + 1}`}
            min={1}
            max={agents}
            step={1}
            value={policy.k}
            className={`${field} w-14 tabular-nums`}
            onChange={(e) => onChange({ kind: "quorum", k: wholeNumber(e.target.value, 1) })}
          />
          of {agents}
        </label>
      )}
      {policy?.kind === "deadline" && (
        <label className="inline-flex items-center gap-1">
          <input
            type="number"
            aria-label={`Deadline in ms for layer ${layer + 1}`}
            min={0}
            max={600_000}
            step={500}
            value={policy.ms}
            className={`${field} w-20 tabular-nums`}
            onChange={(e) => onChange({ kind: "deadline", ms: wholeNumber(e.target.value, 0) })}
          />
          ms
        </label>
      )}
    </div>
  );
}

/** A cleared or fractional field becomes a whole number the schema accepts or names. */
function wholeNumber(raw: string, floor: number): number {
  const value = Math.round(Number(raw));
  return Number.isFinite(value) ? Math.max(floor, value) : floor;
}
