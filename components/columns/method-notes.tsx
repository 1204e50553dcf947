"use client";

import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { useRunStore } from "@/lib/client/run-store";
import { methodNotes, truncationLabel, type MethodNote } from "@/lib/moa/method-notes";

/** On an agent's column or graph node: the token limit cut this answer. */
export function TruncatedBadge({ layer, agent, compact }: { layer: number; agent: number; compact?: boolean }) {
  const limit = useRunStore((s) => s.run.agents[layer]?.[agent]?.truncatedAt);
  if (limit === undefined) return null;
  const label = truncationLabel(limit);
  return (
    <Badge tone="warning" title={`The model stopped at its ${limit}-token output limit (finish reason "length"): the answer is incomplete.`} className={compact ? "px-1 text-[9px] uppercase" : undefined}>
      {compact ? (
        <>
          <span aria-hidden="true">cut</span>
          <span className="sr-only">{label}</span>
        </>
      ) : (
        label
      )}
    </Badge>
  );
}

/**
 * The notes as one string, so the store selector returns a primitive: a new array on every
 * delta would re-render the final answer once per token.
 */
const selectNotes = (s: { run: Parameters<typeof methodNotes>[0] }) => JSON.stringify(methodNotes(s.run));

/** Above the final answer: how it was made, wherever that differs from the paper or was cut short. */
export function MethodNotes() {
  const key = useRunStore(selectNotes);
  const notes = useMemo(() => JSON.parse(key) as MethodNote[], [key]);
  if (notes.length === 0) return null;
  // Notes on the final answer first: they are what a reader of it must know.
  const ordered = [...notes.filter((n) => n.final), ...notes.filter((n) => !n.final)];
  return (
    <ul aria-label="How this answer was made" className="flex flex-col gap-1 border-b border-line bg-amber-50/40 px-4 py-2 text-xs dark:bg-amber-950/20">
      {ordered.map((note, i) => (
        <li key={`${note.kind}-${note.layer}-${note.agent ?? ""}-${i}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
          <Badge tone={note.final ? "warning" : "neutral"}>{note.label}</Badge>
          <span className="text-muted">{note.text}</span>
        </li>
      ))}
    </ul>
  );
}
