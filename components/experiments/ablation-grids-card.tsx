"use client";

import { useState } from "react";
import { JudgeSelect } from "@/components/compare/judge-select";
import { Button } from "@/components/ui/button";
import { ablationGrid, GRID_IDS, GRID_TITLES } from "@/lib/experiments/ablation-grids";
import type { ExperimentPlan } from "@/lib/experiments/types";

/** One click per ablation of the paper, on the simulated models; each row changes one factor against one reference. */
export function AblationGridsCard({ onStart, disabled }: { onStart(plan: ExperimentPlan): void; disabled?: boolean }) {
  const [judge, setJudge] = useState("");
  return (
    <section aria-label="Ablation grids" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 shadow-xs">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold">Ablation grids</h2>
        <JudgeSelect value={judge} onChange={setJudge} disabled={disabled} />
      </div>
      <div className="flex flex-wrap gap-2">
        {GRID_IDS.map((id) => (
          <Button key={id} size="sm" disabled={disabled || !judge} onClick={() => onStart(ablationGrid(id, { judge }).plan)}>
            {GRID_TITLES[id].source}: {GRID_TITLES[id].title}
          </Button>
        ))}
      </div>
      <p className="max-w-prose text-xs text-muted">
        Simulated models (no keys), the built-in prompts, every variant judged against the first proposer alone. The results show the paper&apos;s
        figures beside ours.
      </p>
    </section>
  );
}
