import { z } from "zod";
import { moaConfigSchema } from "@/lib/moa/config";
import { runVariantSchema } from "@/lib/wire/run-request";

/** One prompt of an experiment; `id` keys its results, so it must be unique in the set. */
export const experimentPromptSchema = z.object({
  id: z.string().min(1).max(200),
  prompt: z.string().min(1),
  category: z.string().max(80).optional(),
  /** MATH: the reference's final answer; cells are then scored by exact match, not by a judge. */
  answer: z.string().max(1000).optional(),
  /**
   * MT-Bench: the second user turn, asked after the variant's own first answer (a second run).
   * Both turns of such a prompt are graded 1–10 by the judge.
   */
  followUp: z.string().min(1).optional(),
  /** MT-Bench: reference answers per turn (math, reasoning, coding) the grader is shown. */
  references: z.array(z.string()).max(2).optional(),
});
export type ExperimentPrompt = z.infer<typeof experimentPromptSchema>;

/** A way to answer a prompt: a config plus how the server runs it. */
export const variantSpecSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  variant: runVariantSchema,
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
  /** The part of `outputTokens` spent reasoning; absent in results saved before it was kept. */
  reasoningTokens: z.number().optional(),
  costUsd: z.number(),
  /** Some tokens had no known price: the cost covers only the priced part. */
  costEstimated: z.boolean(),
  tflops: z.number(),
  /** A model of the run has no known parameter count: `tflops` covers only part of it, so it is unknown. */
  tflopsUnknown: z.boolean().optional(),
  durationMs: z.number(),
  /** MT-Bench turn 2: the run of the first turn, whose answer this run's conversation carries. */
  previousRunId: z.string().optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** Earlier versions saved a comparison's sides as "variant" and "reference"; they are its `a` and `b`. */
const LEGACY_WINNER = { variant: "a", reference: "b" } as const;

/** One pairwise verdict of a comparison's side `a` against side `b`, judged in both orders. */
export const judgementSchema = z.object({
  winner: z.enum(["a", "b", "tie", "variant", "reference"]).transform((w) => (w === "variant" || w === "reference" ? LEGACY_WINNER[w] : w)),
  consistent: z.boolean(),
  reasons: z.array(z.string()),
  runIds: z.array(z.string()),
  /** Why no verdict was read (the judge failed or named no winner): left out of n, counted as unreadable. */
  error: z.string().optional(),
});
export type Judgement = z.output<typeof judgementSchema>;

/** A single-answer grade (MT-Bench): the judge's 1–10 rating of one turn's answer. */
export const gradeSchema = z.object({
  turn: z.union([z.literal(1), z.literal(2)]),
  /** Absent when the judge's reply had no readable `[[rating]]` or there was no answer to grade. */
  score: z.number().min(1).max(10).optional(),
  /** Why there is no score. */
  error: z.string().optional(),
  runIds: z.array(z.string()),
});
export type Grade = z.infer<typeof gradeSchema>;

/** Two variants judged against each other on every prompt (the verdict is for `a`). */
export const comparisonSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  a: z.string(),
  b: z.string(),
  /** What the paper found, in a few words, for a suite of its directions. */
  claim: z.string().max(300).optional(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/**
 * Answers that are judged as a side without being run: AlpacaEval's reference outputs (the
 * `output` field of the imported file), or the stored answers of another experiment's variant.
 * A comparison or the plan's reference may name it like a variant.
 */
export const answerSetSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
  /** Where the answers come from, in words for the page. */
  source: z.string().max(300),
  /** By prompt id; a prompt without one gets an unreadable verdict, not a win. */
  answers: z.record(z.string(), z.string()),
});
export type AnswerSet = z.infer<typeof answerSetSchema>;

export const experimentPlanSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().max(200),
    createdAt: z.string(),
    prompts: z.array(experimentPromptSchema).min(1),
    variants: z.array(variantSpecSchema).min(1),
    /** Fixed answers judged as sides (see answerSetSchema). */
    answerSets: z.array(answerSetSchema).max(4).optional(),
    /** The variant (or answer set) every variant is judged against, when the plan names no `comparisons`. */
    reference: z.string().optional(),
    /** Head-to-head pairs to judge; without them, every variant against `reference`. */
    comparisons: z.array(comparisonSchema).min(1).optional(),
    /** Variants whose aggregators' inputs are judged, for ρ between similarity and quality. */
    received: z.array(z.string()).optional(),
    /** Judge model id. */
    judge: z.string(),
  })
  .refine((p) => p.reference !== undefined || p.comparisons !== undefined, "a plan needs a reference or comparisons")
  .refine((p) => p.variants.length + (p.answerSets?.length ?? 0) >= 2, "a plan needs two sides: two variants, or a variant and an answer set");
export type ExperimentPlan = z.infer<typeof experimentPlanSchema>;

/** Similarity of one aggregator's answer to each input of its layer, by metric, in `inputs` order. */
const aggregatorSimilaritySchema = z.object({
  agent: z.number().int(),
  model: z.string(),
  bleu: z.array(z.number()),
  tfidf: z.array(z.number()),
  levenshtein: z.array(z.number()),
});

/** What the aggregators of one layer of one run received, and how the judge rated each of those answers. */
export const receivedLayerSchema = z.object({
  /** The aggregating layer (0-based, ≥ 1); its inputs are the answers of layer `layer − 1`. */
  layer: z.number().int().min(1),
  /** Agent indices of the inputs, in the order of `quality` and the similarities. */
  inputs: z.array(z.number().int()),
  /** Each input's win rate in the judge's pairwise comparisons among the inputs; null when it has no readable verdict. */
  quality: z.array(z.number().nullable()),
  unreadable: z.number().int(),
  aggregators: z.array(aggregatorSimilaritySchema),
});
export type ReceivedLayer = z.infer<typeof receivedLayerSchema>;

export const receivedAnalysisSchema = z.object({
  layers: z.array(receivedLayerSchema),
  /** Why the analysis could not be done (the run could not be read, the judge failed). */
  error: z.string().optional(),
});
export type ReceivedAnalysis = z.infer<typeof receivedAnalysisSchema>;

/** What has been done so far; persisted after every step, so a reload resumes from here. */
export const experimentProgressSchema = z.object({
  /** Keyed by `unitKey(promptId, variantId)`. */
  runs: z.record(z.string(), runResultSchema),
  /** Keyed by `unitKey(promptId, comparisonId)`; a comparison derived from a reference has the variant's id. */
  judgements: z.record(z.string(), judgementSchema),
  /** Keyed by `unitKey(promptId, variantId)`. */
  received: z.record(z.string(), receivedAnalysisSchema).default({}),
  /** MT-Bench second turns, keyed by `unitKey(promptId, variantId)`. */
  followUps: z.record(z.string(), runResultSchema).default({}),
  /** MT-Bench grades, keyed by `gradeKey(promptId, variantId, turn)`. */
  grades: z.record(z.string(), gradeSchema).default({}),
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

export function gradeKey(promptId: string, variantId: string, turn: 1 | 2): string {
  return `${unitKey(promptId, variantId)}\u0000${turn}`;
}

export function emptyProgress(): ExperimentProgress {
  return { runs: {}, judgements: {}, received: {}, followUps: {}, grades: {} };
}

/** The plan's comparisons: as given, or each variant against the reference. */
export function comparisonsOf(plan: ExperimentPlan): Comparison[] {
  if (plan.comparisons) return plan.comparisons;
  const reference = plan.variants.find((v) => v.id === plan.reference) ?? plan.answerSets?.find((s) => s.id === plan.reference);
  return plan.variants
    .filter((v) => v.id !== plan.reference)
    .map((v) => ({ id: v.id, label: `${v.label} vs ${reference?.label ?? plan.reference}`, a: v.id, b: plan.reference ?? "" }));
}

/** Variants whose received answers are judged: only those with an aggregating layer, and not the ranker (it picks, it does not synthesize). */
export function receivedVariants(plan: ExperimentPlan): VariantSpec[] {
  const wanted = new Set(plan.received ?? []);
  return plan.variants.filter((v) => wanted.has(v.id) && v.variant === "moa" && v.config.layers.length > 1);
}
