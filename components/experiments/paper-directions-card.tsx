"use client";

import { useState } from "react";
import { JudgeSelect } from "@/components/compare/judge-select";
import { Button } from "@/components/ui/button";
import { boardToConfig, useBoardStore, validateBoard } from "@/lib/client/board-store";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { paperDirectionsPlan, paperModelsFromBoard, SIM_PAPER_MODELS, type PaperModels } from "@/lib/experiments/paper-directions";
import type { ExperimentPlan } from "@/lib/experiments/types";
import { lookupModel } from "@/lib/providers/catalog";

function useBoardModels(): PaperModels | undefined {
  const layers = useBoardStore((s) => s.layers);
  if (!validateBoard({ layers }).ok) return undefined;
  try {
    return paperModelsFromBoard(boardToConfig({ layers }), lookupModel);
  } catch {
    return undefined;
  }
}

const short = (id: string) => id.slice(id.indexOf(":") + 1);

/** One click: the paper's directions as head-to-head comparisons on the built-in prompts. */
export function PaperDirectionsCard({ onStart, disabled }: { onStart(plan: ExperimentPlan): void; disabled?: boolean }) {
  const [judge, setJudge] = useState("");
  const [source, setSource] = useState<"sim" | "board">("sim");
  const board = useBoardModels();
  const models = source === "board" && board ? board : SIM_PAPER_MODELS;
  return (
    <section aria-label="Paper directions" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 shadow-xs">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold">Paper directions</h2>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Models</span>
          <select value={source} onChange={(e) => setSource(e.target.value as "sim" | "board")} disabled={disabled} className="h-8 rounded-md border border-line bg-surface px-2 text-sm">
            <option value="sim">Simulated (no keys)</option>
            <option value="board" disabled={!board}>
              From your board{board ? "" : " (needs 2+ layers)"}
            </option>
          </select>
        </label>
        <JudgeSelect value={judge} onChange={setJudge} disabled={disabled} />
        <Button
          variant="primary"
          size="sm"
          disabled={disabled || !judge}
          onClick={() => onStart(paperDirectionsPlan({ models, judge, lookup: lookupModel }))}
        >
          Run the paper directions
        </Button>
      </div>
      <p className="max-w-prose text-xs text-muted">
        Proposers {models.proposers.map(short).join(", ")}; final aggregator {short(models.aggregator)}; temperature 0.7, max tokens 2048. On
        the {BUILTIN_PROMPTS.length} built-in prompts, each comparison judged in both orders: (a) MoA vs its best proposer, (b) 1, 2, 3,{" "}
        {models.proposers.length} proposers under the same aggregator, (c) diverse proposers vs samples of one, (d) {short(models.aggregator)} vs{" "}
        {short(models.otherAggregator)} as aggregator, (e) 1 to 4 layers, (f) MoA vs LLM-Ranker at 2 and 3 layers, (g) ρ between similarity and quality of the
        answers each aggregator received. Verdicts are stored for Insights.
      </p>
    </section>
  );
}
