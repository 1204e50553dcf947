"use client";

import type { VariantSpec } from "@/lib/experiments/types";
import { plural } from "@/lib/plural";

/** Checkboxes for the variants to run; each says what it is made of. */
export function VariantPicker({
  variants,
  selected,
  onChange,
  disabled,
}: {
  variants: VariantSpec[];
  selected: string[];
  onChange(ids: string[]): void;
  disabled?: boolean;
}) {
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : variants.filter((v) => v.id === id || selected.includes(v.id)).map((v) => v.id));
  return (
    <fieldset className="flex flex-col gap-1.5" disabled={disabled}>
      <legend className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Variants</legend>
      {variants.map((v) => {
        const agents = v.config.layers.reduce((n, l) => n + l.agents.length, 0);
        const layers = v.config.layers.length;
        return (
          <label key={v.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={selected.includes(v.id)} onChange={() => toggle(v.id)} className="accent-[var(--c-accent)]" />
            <span>{v.label}</span>
            <span className="text-xs text-muted">
              {plural(agents, "agent")}
              {layers > 1 && ` in ${plural(layers, "layer")}`}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

export const DEFAULT_COMPARE = ["moa", "aggregator", "ranker", "best-proposer"];
