import { runFigures } from "@/lib/analysis/cost";
import { hasEnded, type RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import type { RunResult } from "./types";

/** The figures an experiment keeps of a run that has ended. */
export function runResultOf(state: RunState): RunResult {
  const figures = runFigures(state, lookupModel).total;
  const status = hasEnded(state.status) ? state.status : "interrupted";
  return {
    runId: state.runId,
    status,
    text: state.finalText,
    ...(state.error ? { error: state.error } : {}),
    // Usage of the run when it finished; the per-agent sum covers failed runs too.
    inputTokens: Math.max(figures.inputTokens, state.usage.inputTokens),
    outputTokens: Math.max(figures.outputTokens, state.usage.outputTokens),
    ...(figures.reasoningTokens > 0 && { reasoningTokens: figures.reasoningTokens }),
    costUsd: figures.costUsd,
    costEstimated: figures.estimated,
    tflops: figures.tflops,
    tflopsUnknown: figures.tflopsEstimated,
    durationMs: state.durationMs ?? state.t,
  };
}
