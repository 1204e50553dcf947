import type { AnswerSet, ExperimentPlan, ExperimentProgress, RunResult } from "./types";
import { unitKey } from "./types";

/** The answer set a side id names, if it names one rather than a variant. */
export function answerSetOf(plan: Pick<ExperimentPlan, "answerSets">, id: string): AnswerSet | undefined {
  return plan.answerSets?.find((s) => s.id === id);
}

/** A side's display name: a variant's label or an answer set's. */
export function sideLabel(plan: Pick<ExperimentPlan, "variants" | "answerSets">, id: string): string {
  return plan.variants.find((v) => v.id === id)?.label ?? answerSetOf(plan, id)?.label ?? id;
}

export const NO_FIXED_ANSWER = "the answer set has no answer for this prompt";

/**
 * A fixed answer in the shape of a cell's result, so verdicts and length figures read both
 * sides alike. Nothing ran: no run id, no tokens, no cost. Undefined when the set has no
 * answer for the prompt.
 */
export function fixedRun(set: AnswerSet, promptId: string): RunResult | undefined {
  const text = set.answers[promptId];
  if (text === undefined || text.trim() === "") return undefined;
  return { runId: "", status: "finished", text, inputTokens: 0, outputTokens: 0, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 0 };
}

/** One side's answer to a prompt: the variant's stored cell, or the answer set's text. */
export function sideRun(plan: ExperimentPlan, progress: Pick<ExperimentProgress, "runs">, promptId: string, sideId: string): RunResult | undefined {
  const set = answerSetOf(plan, sideId);
  return set ? fixedRun(set, promptId) : progress.runs[unitKey(promptId, sideId)];
}
