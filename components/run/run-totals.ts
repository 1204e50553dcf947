"use client";

import { useShallow } from "zustand/react/shallow";
import { useRunStore } from "@/lib/client/run-store";
import { useModelsStore } from "@/lib/client/models";
import { findModel } from "./model-catalog";
import { costUsd, estimateTokens } from "./format";

export interface RunTotals {
  inputTokens: number;
  outputTokens: number;
  /** True while any count is still a character-based estimate. */
  estimatedTokens: boolean;
  durationMs: number;
  costUsd?: number;
}

/** Totals over all agents; cost only when every agent that ran has a known price. */
export function useRunTotals(): RunTotals {
  const models = useModelsStore((s) => s.models);
  const [agents, usage, finished, t, durationMs] = useRunStore(
    useShallow((s) => [s.run.agents, s.run.usage, s.run.status === "finished", s.run.t, s.run.durationMs] as const),
  );
  let inputTokens = 0;
  let outputTokens = 0;
  let estimated = false;
  let cost: number | undefined = 0;
  let priced = 0;
  for (const row of agents) {
    for (const a of row) {
      if (a.status === "waiting") continue;
      if (a.usage) {
        inputTokens += a.usage.inputTokens;
        outputTokens += a.usage.outputTokens;
      } else {
        outputTokens += estimateTokens(a.text);
        estimated = true;
      }
      if (!a.usage) continue; // no usage reported (failed, stopped): nothing to price
      const info = findModel(models, a.model);
      const c = costUsd(a.usage, info?.pricePerMTokens);
      cost = c === undefined || cost === undefined ? undefined : cost + c;
      priced += 1;
    }
  }
  if (finished) {
    inputTokens = Math.max(inputTokens, usage.inputTokens);
    outputTokens = Math.max(outputTokens, usage.outputTokens);
  }
  return { inputTokens, outputTokens, estimatedTokens: estimated, durationMs: durationMs ?? t, costUsd: priced > 0 ? cost : undefined };
}
