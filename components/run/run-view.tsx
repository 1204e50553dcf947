"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import { useModels } from "@/lib/client/models";
import { selectConfig, useRunStore } from "@/lib/client/run-store";
import type { MoAConfig } from "@/lib/moa/config";
import { EmptyState } from "./empty-state";
import { RunStatusBar } from "./run-status";

// Code-split: React Flow is the heaviest dependency of the page and the graph is drawn after mount anyway.
const LayerGraph = dynamic(() => import("@/components/graph/layer-graph").then((m) => m.LayerGraph), {
  ssr: false,
  loading: () => <div className="w-full animate-pulse rounded-xl bg-subtle" style={{ height: 232 }} aria-hidden />,
});

export interface RunViewProps {
  /** Drawn in the graph before any run (the board's config). */
  fallbackConfig?: MoAConfig | null;
  /** Shown instead of the default empty state. */
  empty?: React.ReactNode;
  /**
   * The final answer and columns (components/run/run-output.tsx), usually the code-split
   * `LazyRunOutput`: each page chooses when to fetch them (and the markdown renderer).
   */
  output: ComponentType<{ config: MoAConfig }>;
}

/**
 * Graph + final answer + columns for whatever run the run store holds. The playground
 * fills the store from a live stream; a share page can fill it with `reset` + `applyEvents`.
 */
export function RunView({ fallbackConfig, empty, output: Output }: RunViewProps) {
  useModels();
  const runConfig = useRunStore(selectConfig);
  const hasRun = useRunStore((s) => s.run.runId !== "" || s.phase === "starting");
  const config = (hasRun ? runConfig : undefined) ?? fallbackConfig ?? runConfig;

  return (
    <div className="flex flex-col gap-5">
      {config && (
        <div className="rounded-2xl border border-line bg-surface p-3 shadow-xs" data-presenter-sticky>
          {hasRun && <RunStatusBar />}
          <LayerGraph config={config} className="w-full" />
        </div>
      )}
      {hasRun && config ? (
        <Output config={config} />
      ) : (
        (empty ?? <EmptyState />)
      )}
    </div>
  );
}
