import { z } from "zod";
import { ownerSecretSchema } from "@/lib/wire/owner";
import { comparisonsOf, experimentPlanSchema, type ExperimentPlan } from "../types";
import { MAX_PROMPTS } from "../prompt-set";

/** At most this many cells (prompt × variant) in one job: AlpacaEval's 805 prompts × 8 variants. */
export const MAX_CELLS = 805 * 8;
export const MAX_EXPERIMENT_REQUEST_BYTES = 8_000_000;

/**
 * What a job runs: the plan the page builds (prompts, variants, comparisons or reference, judge)
 * and an optional budget. The server assigns the id; the plan's own id and date are ignored.
 */
export const experimentSpecSchema = z
  .object({
    plan: experimentPlanSchema,
    /** Stop taking new cells once the job has spent this much (USD, catalog prices). */
    budgetUsd: z.number().positive().optional(),
  })
  .refine(({ plan }) => plan.prompts.length <= MAX_PROMPTS, `at most ${MAX_PROMPTS} prompts`)
  .refine(({ plan }) => plan.prompts.length * plan.variants.length <= MAX_CELLS, `at most ${MAX_CELLS} cells (prompts × variants)`)
  .refine(({ plan }) => new Set(plan.prompts.map((p) => p.id)).size === plan.prompts.length, "each prompt needs an id of its own")
  .refine(({ plan }) => {
    const sides = [...plan.variants, ...(plan.answerSets ?? [])];
    return new Set(sides.map((v) => v.id)).size === sides.length;
  }, "each variant and answer set needs an id of its own")
  .refine(({ plan }) => {
    const ids = new Set(plan.variants.map((v) => v.id));
    const sets = new Set((plan.answerSets ?? []).map((s) => s.id));
    // Side a is always run; side b may be fixed answers (AlpacaEval's reference outputs).
    return comparisonsOf(plan).every((c) => ids.has(c.a) && (ids.has(c.b) || sets.has(c.b)));
  }, "every comparison (or the reference) must name variants of the plan, or an answer set as its side b");
export type ExperimentSpec = z.infer<typeof experimentSpecSchema>;

/** Body of `POST /api/experiments`. Pasted keys are not accepted: a job outlives the request, and keys are never stored. */
export const createExperimentRequestSchema = z
  .object({
    plan: experimentPlanSchema,
    budgetUsd: z.number().positive().optional(),
    owner: ownerSecretSchema.optional(),
  })
  .strict();

export function specOf(plan: ExperimentPlan, budgetUsd?: number): ExperimentSpec {
  return { plan, ...(budgetUsd !== undefined && { budgetUsd }) };
}
