"use client";

import { useState } from "react";
import { SimulatedBadge } from "@/components/ui/badge";
import { useRunStore } from "@/lib/client/run-store";
import { LazySimGuide } from "./lazy-sim-guide";

/** Under a run of simulated models (playground and share page): the guide, loaded when opened. */
export function SimRunSection() {
  const usesSim = useRunStore((s) => s.run.agents.some((row) => row.some((a) => a.model.startsWith("sim:"))));
  const [open, setOpen] = useState(false);
  if (!usesSim) return null;
  return (
    <details className="rounded-2xl border border-line bg-surface p-4 shadow-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer select-none">
        <h2 className="inline text-xs font-semibold tracking-wide text-muted uppercase">How the simulation works</h2>
        <SimulatedBadge className="ml-2 align-middle" />
        <span className="ml-2 text-xs text-muted max-sm:hidden">rules, model parameters, and which key points each answer carried</span>
      </summary>
      {open && (
        <div className="mt-4">
          <LazySimGuide />
        </div>
      )}
    </details>
  );
}
