"use client";

import { CloseIcon } from "@/components/ui/icons";
import type { Substitution } from "@/lib/presets";

/** After a preset: which reachable model stands in for each model of the paper. */
export function SubstitutionNote({
  name,
  substitutions,
  onDismiss,
}: {
  name: string;
  substitutions: Substitution[];
  onDismiss: () => void;
}) {
  const simulated = substitutions.length > 0 && substitutions.every((s) => s.used.startsWith("sim:"));
  return (
    <div role="status" className="relative mb-3 rounded-lg border border-accent/25 bg-accent/5 px-3 py-2 pr-9 text-xs">
      <p className="font-medium">
        Applied {name}.
        {substitutions.length > 0 &&
          (simulated
            ? " No provider is configured, so simulated models stand in for the paper's line-up:"
            : " Paper models were mapped to the nearest models available here:")}
      </p>
      {substitutions.length > 0 && (
        <ul className="mt-1 grid gap-x-4 gap-y-0.5 text-muted sm:grid-cols-2">
          {substitutions.map((s) => (
            <li key={`${s.wanted}->${s.used}`} className="truncate">
              {s.wanted} → <span className="font-mono text-fg">{s.used}</span>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        aria-label="Dismiss note"
        onClick={onDismiss}
        className="absolute top-1.5 right-1.5 grid h-6 w-6 place-items-center rounded-md text-muted hover:bg-subtle hover:text-fg"
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
