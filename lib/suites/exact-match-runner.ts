import type { CellRunner, VerdictInput, VerdictOutcome } from "@/lib/experiments/jobs/cell-runner";
import { unitKey, type ExperimentPlan, type ExperimentProgress } from "@/lib/experiments/types";
import { scoreMathResponse } from "./math-answer";

/**
 * A verdict by exact match for prompts that carry a MATH answer: the side whose final answer
 * equals the reference wins, equal correctness ties. No judge model runs, so it costs nothing
 * and cannot be swayed by length or style.
 */
export function exactMatchVerdict({ prompt, a, b }: Pick<VerdictInput, "prompt" | "a" | "b">): VerdictOutcome | undefined {
  if (prompt.answer === undefined) return undefined;
  const reference = `\\boxed{${prompt.answer}}`;
  const sa = scoreMathResponse(a.run.text, reference);
  const sb = scoreMathResponse(b.run.text, reference);
  const winner = sa.correct === sb.correct ? "tie" : sa.correct ? "a" : "b";
  const said = (s: typeof sa) => `${s.extracted ?? "no answer"} ${s.correct ? "✓" : "✗"}`;
  return {
    judgement: { winner, consistent: true, reasons: [`exact match against ${prompt.answer}: a ${said(sa)}, b ${said(sb)}`], runIds: [] },
    costUsd: 0,
  };
}

/** Wraps a job's runner so prompts with a MATH answer are scored by exact match instead of the judge. */
export function withExactMatch(inner: CellRunner): CellRunner {
  return {
    ...inner,
    runCell: (input, hooks) => inner.runCell(input, hooks),
    judge: async (input) => exactMatchVerdict(input) ?? inner.judge(input),
  };
}

export interface VariantAccuracy {
  variantId: string;
  correct: number;
  /** Cells with a stored result on prompts that carry an answer. */
  scored: number;
  accuracy?: number;
}

/** MATH accuracy per variant over the cells done so far. */
export function mathAccuracy(plan: ExperimentPlan, progress: Pick<ExperimentProgress, "runs">): VariantAccuracy[] {
  return plan.variants.map((v) => {
    let correct = 0;
    let scored = 0;
    for (const p of plan.prompts) {
      const run = progress.runs[unitKey(p.id, v.id)];
      if (p.answer === undefined || !run) continue;
      scored++;
      if (scoreMathResponse(run.text, `\\boxed{${p.answer}}`).correct) correct++;
    }
    return { variantId: v.id, correct, scored, ...(scored > 0 && { accuracy: correct / scored }) };
  });
}
