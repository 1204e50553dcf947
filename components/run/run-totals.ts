"use client";

import { useMemo } from "react";
import { runFigures } from "@/lib/analysis/cost";
import { useSampledRunStore } from "@/lib/client/use-sampled-run-store";
import type { RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import { estimateTokens } from "@/lib/client/format";

export interface RunTotals {
  inputTokens: number;
  outputTokens: number;
  /** True while any count is still a character-based estimate. */
  estimatedTokens: boolean;
  durationMs: number;
  costUsd?: number;
}

/**
 * The footer's totals. Cost is the run figures' total (one price source, lib/analysis/cost with
 * the catalog), shown only when every model with tokens has a price: a partial sum would read
 * as the whole. Tokens still streaming are estimated from their text.
 */
export function runTotals(run: RunState): RunTotals {
  const { total } = runFigures(run, lookupModel);
  let inputTokens = total.inputTokens;
  let outputTokens = total.outputTokens;
  let estimated = false;
  let measured = false;
  for (const a of run.agents.flat()) {
    if (a.status === "waiting") continue;
    if (a.usage) measured = true;
    else {
      outputTokens += estimateTokens(a.text);
      estimated = true;
    }
  }
  if (run.status === "finished") {
    inputTokens = Math.max(inputTokens, run.usage.inputTokens);
    outputTokens = Math.max(outputTokens, run.usage.outputTokens);
  }
  const priced = measured && total.unpricedModels.length === 0;
  return { inputTokens, outputTokens, estimatedTokens: estimated, durationMs: run.durationMs ?? run.t, costUsd: priced ? total.costUsd : undefined };
}

/** Sampled: the totals count every delta, the footer shows them a few times a second. */
export function useRunTotals(): RunTotals {
  const run = useSampledRunStore((s) => s.run);
  return useMemo(() => runTotals(run), [run]);
}
