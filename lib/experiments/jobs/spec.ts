import { z } from "zod";
import { runKeysSchema, type RunKeys } from "@/lib/wire/keys";
import { ownerSecretSchema } from "@/lib/wire/owner";
import { providerOf } from "@/lib/moa/model-id";
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
    /**
     * The names (never the values) of the keys the owner pasted: the job runs only while this
     * process holds them (keyring.ts) and waits for the owner otherwise, never on server keys.
     */
    pastedKeys: z.array(runKeysSchema.keyof()).max(10).optional(),
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

/**
 * Body of `POST /api/experiments`. Pasted `keys` are held in the server's memory for this job
 * only (keyring.ts); the stored spec names them, never holds them.
 */
export const createExperimentRequestSchema = z
  .object({
    plan: experimentPlanSchema,
    budgetUsd: z.number().positive().optional(),
    owner: ownerSecretSchema.optional(),
    keys: runKeysSchema.optional(),
  })
  .strict();

/** Body of `POST /api/experiments/<id>/resume`: the owner's keys again, after a restart or the TTL lost them. */
export const resumeExperimentRequestSchema = z.object({ keys: runKeysSchema }).strict();

/**
 * The pasted keys a plan's models (variants and judge) can use; undefined when none. The browser
 * sends every key in Settings, and a sim-only job must not wait for keys it never needed.
 */
export function keysUsedBy(plan: ExperimentPlan, keys: RunKeys | undefined): RunKeys | undefined {
  if (!keys) return undefined;
  const models = [...plan.variants.flatMap((v) => v.config.layers.flatMap((l) => l.agents.map((a) => a.model))), plan.judge];
  const providers = new Set(models.map(providerOf));
  const used: RunKeys = {};
  for (const [name, value] of Object.entries(keys) as Array<[keyof RunKeys, string]>) {
    if (providers.has(name === "compatBaseUrl" ? "compat" : name)) used[name] = value;
  }
  return Object.keys(used).length > 0 ? used : undefined;
}

export function specOf(plan: ExperimentPlan, budgetUsd?: number, keys?: RunKeys): ExperimentSpec {
  const pastedKeys = keys ? (Object.keys(keys) as Array<keyof RunKeys>) : [];
  return { plan, ...(budgetUsd !== undefined && { budgetUsd }), ...(pastedKeys.length > 0 && { pastedKeys }) };
}
