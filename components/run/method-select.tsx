"use client";

import { RUN_METHODS, type RunMethod } from "./run-method";

/** Next to Run: run the board as built, or as Self-MoA or the LLM-Ranker baseline. */
export function MethodSelect({ value, onChange, disabled }: { value: RunMethod; onChange(method: RunMethod): void; disabled?: boolean }) {
  const hint = RUN_METHODS.find((m) => m.id === value)?.hint;
  return (
    <select
      aria-label="Method"
      title={hint}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as RunMethod)}
      className="h-9 min-w-0 max-w-44 truncate rounded-lg border border-line bg-bg px-2 text-sm outline-none focus-visible:border-accent disabled:opacity-60"
    >
      {RUN_METHODS.map((m) => (
        <option key={m.id} value={m.id}>
          {m.label}
        </option>
      ))}
    </select>
  );
}
