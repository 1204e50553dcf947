"use client";

import { useEffect, useState } from "react";
import { AttributionHeatmap } from "@/components/analysis/attribution-heatmap";
import { RunFigures } from "@/components/analysis/run-figures";
import { fetchRun } from "@/lib/client/run-client";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";
import { unitKey } from "@/lib/experiments/types";
import type { RunState } from "@/lib/moa/run-state";

/** Pick one run of the experiment to see what its aggregators used and what it cost. */
export function RunInspector({ plan, progress }: { plan: ExperimentPlan; progress: ExperimentProgress }) {
  const options = plan.prompts.flatMap((p, i) =>
    plan.variants.flatMap((v) => {
      const run = progress.runs[unitKey(p.id, v.id)];
      return run ? [{ id: run.runId, label: `Prompt ${i + 1} · ${v.label}`, layers: v.config.layers.length }] : [];
    }),
  );
  const firstLayered = options.find((o) => o.layers > 1)?.id ?? options[0]?.id ?? "";
  const [runId, setRunId] = useState("");
  const chosen = runId || firstLayered;
  const [state, setState] = useState<RunState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    setError(null);
    fetchRun(chosen)
      .then((run) => live && setState(run))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : "The run could not be loaded."));
    return () => {
      live = false;
    };
  }, [chosen]);

  if (options.length === 0) return null;
  return (
    <section aria-label="Inspect a run" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 shadow-xs">
      <label className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-semibold">Inspect a run</span>
        <select value={chosen} onChange={(e) => setRunId(e.target.value)} className="h-8 min-w-0 rounded-md border border-line bg-surface px-2 text-sm">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <a href={`/r/${chosen}`} className="text-xs text-accent hover:underline">
          open
        </a>
      </label>
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
      {state && state.runId === chosen && (
        <>
          {state.agents.length > 1 ? <AttributionHeatmap run={state} /> : <p className="text-sm text-muted">A one-layer run has no aggregator to attribute.</p>}
          <RunFigures run={state} />
        </>
      )}
    </section>
  );
}
