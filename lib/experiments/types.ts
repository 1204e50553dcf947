import { z } from "zod";
import { moaConfigSchema } from "@/lib/moa/config";

/** One prompt of an experiment; `id` keys its results, so it must be unique in the set. */
export const experimentPromptSchema = z.object({
  id: z.string().min(1).max(200),
  prompt: z.string().min(1),
  category: z.string().max(80).optional(),
});
export type ExperimentPrompt = z.infer<typeof experimentPromptSchema>;

/** A way to answer a prompt: a config plus how the server runs it. */
export const variantSpecSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  variant: z.enum(["moa", "ranker"]),
  config: moaConfigSchema,
});
export type VariantSpec = z.infer<typeof variantSpecSchema>;

export const runResultSchema = z.object({
  runId: z.string(),
  status: z.enum(["finished", "failed", "cancelled", "interrupted"]),
  text: z.string(),
  error: z.string().optional(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  /** Some tokens had no known price: the cost covers only the priced part. */
  costEstimated: z.boolean(),
  tflops: z.number(),
  durationMs: z.number(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** One pairwise verdict of a variant against the reference, judged in both orders. */
export const judgementSchema = z.object({
  winner: z.enum(["variant", "reference", "tie"]),
  consistent: z.boolean(),
  reasons: z.array(z.string()),
  runIds: z.array(z.string()),
  /** Why no verdict was read (the judge failed or named no winner): counted as a tie. */
  error: z.string().optional(),
});
export type Judgement = z.infer<typeof judgementSchema>;

export const experimentPlanSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  createdAt: z.string(),
  prompts: z.array(experimentPromptSchema).min(1),
  variants: z.array(variantSpecSchema).min(2),
  /** The variant every other one is judged against. */
  reference: z.string(),
  /** Judge model id. */
  judge: z.string(),
});
export type ExperimentPlan = z.infer<typeof experimentPlanSchema>;

/** What has been done so far; persisted after every step, so a reload resumes from here. */
export const experimentProgressSchema = z.object({
  /** Keyed by `unitKey(promptId, variantId)`. */
  runs: z.record(z.string(), runResultSchema),
  judgements: z.record(z.string(), judgementSchema),
});
export type ExperimentProgress = z.infer<typeof experimentProgressSchema>;

export const savedExperimentSchema = z.object({
  plan: experimentPlanSchema,
  progress: experimentProgressSchema,
  /** Stopped on purpose: a reload shows it but does not resume it by itself. */
  stopped: z.boolean().optional(),
});
export type SavedExperiment = z.infer<typeof savedExperimentSchema>;

export function unitKey(promptId: string, variantId: string): string {
  return `${promptId}\u0000${variantId}`;
}

export function emptyProgress(): ExperimentProgress {
  return { runs: {}, judgements: {} };
}
