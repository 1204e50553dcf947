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

/** The id a stored answer set takes in a new plan: one at a time, never a variant's id. */
export const STORED_ANSWERS_ID = "stored-answers";

/**
 * Another experiment's variant as fixed answers, by prompt id: its finished cells with text.
 * A new plan with the same prompt ids (the same suite file) is then judged against them
 * without running that variant again.
 */
export function answerSetFromExperiment(plan: ExperimentPlan, progress: Pick<ExperimentProgress, "runs">, variantId: string): AnswerSet | undefined {
  const variant = plan.variants.find((v) => v.id === variantId);
  if (!variant) return undefined;
  const answers: Record<string, string> = {};
  for (const p of plan.prompts) {
    const run = progress.runs[unitKey(p.id, variantId)];
    if (run?.status === "finished" && run.text.trim() !== "") answers[p.id] = run.text;
  }
  return { id: STORED_ANSWERS_ID, label: `${variant.label} (earlier experiment)`, source: `the answers of "${variant.label}" in ${plan.name}`.slice(0, 300), answers };
}

/** The set kept to the prompts a plan runs: answers for other prompts would only weigh down the job. */
export function keepPrompts(set: AnswerSet, promptIds: readonly string[]): AnswerSet {
  return { ...set, answers: Object.fromEntries(promptIds.flatMap((id) => (set.answers[id] !== undefined ? [[id, set.answers[id]]] : []))) };
}
