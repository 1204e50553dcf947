import "server-only";
import { withProviderSlots } from "./provider-limits";
import { hasAnswer, type GradedTurn } from "./cell-runner";
import { cellResult, runConversation, type StepContext, type StepOutcome } from "./unit-steps";
import type { ResolvedUnit } from "./units";
import type { Grade, RunResult } from "../types";

/**
 * MT-Bench's second turn and its grades. The second turn is asked in the conversation the
 * variant itself had: turn-1 question, the variant's own turn-1 answer, turn-2 question; its run
 * records the run it follows. Each turn is graded on its own, turn 2 with turn 1 as context.
 */
export async function turn2Step(ctx: StepContext, unit: ResolvedUnit): Promise<StepOutcome> {
  const first = await cellResult(ctx, unit.ref.promptIndex, unit.variant!.id);
  if (!hasAnswer(first)) {
    // Without a first answer there is no conversation to go on with: the turn is unanswered, not run.
    const unanswered: RunResult = { ...first, status: "failed", text: "", error: "the first turn has no answer", previousRunId: first.runId, runId: "", costUsd: 0, inputTokens: 0, outputTokens: 0, tflops: 0, durationMs: 0 };
    return { result: unanswered, costUsd: 0 };
  }
  const conversation = [
    { role: "user" as const, content: unit.prompt.prompt },
    { role: "assistant" as const, content: first.text },
    { role: "user" as const, content: unit.prompt.followUp! },
  ];
  return runConversation(ctx, unit, conversation, { previousRunId: first.runId });
}

export async function gradeStep(ctx: StepContext, unit: ResolvedUnit): Promise<StepOutcome> {
  const turn = unit.ref.kind === "grade2" ? 2 : 1;
  const { prompt, variant } = unit;
  const first = await cellResult(ctx, unit.ref.promptIndex, variant!.id);
  const graded = turn === 2 ? await cellResult(ctx, unit.ref.promptIndex, variant!.id, "turn2") : first;
  const noScore = (error: string): StepOutcome => ({ result: { turn, error, runIds: [] } satisfies Grade, costUsd: 0 });
  if (!hasAnswer(graded)) return noScore("no answer to grade");
  if (!ctx.runner.grade) return noScore("this job cannot grade answers");
  const turns: GradedTurn[] = [
    { question: prompt.prompt, answer: first.text, ...(prompt.references?.[0] && { reference: prompt.references[0] }) },
    ...(turn === 2 ? [{ question: prompt.followUp!, answer: graded.text, ...(prompt.references?.[1] && { reference: prompt.references[1] }) }] : []),
  ];
  const grade = ctx.runner.grade;
  const { grade: result, costUsd } = await withProviderSlots([ctx.plan.judge], () =>
    grade({ experimentId: ctx.experimentId, prompt, variant: variant!, turns, judge: ctx.plan.judge, ownerSecretHash: ctx.ownerSecretHash, keys: ctx.keys }),
  );
  return { result: { ...result, turn }, costUsd };
}
