import { z } from "zod";
import { modelIdSchema } from "@/lib/moa/config";
import { conversationSchema } from "@/lib/moa/conversation";
import { LIMITS } from "@/lib/moa/limits";
import { runKeysSchema } from "@/lib/wire/keys";
import { ownerSecretSchema } from "@/lib/wire/owner";

/**
 * The judge endpoints as they cross the wire: `POST /api/judge` (answers), `POST /api/judge/runs`
 * (finished runs) and `POST /api/runs/{id}/judge` (a run's proposers). The routes parse with these
 * schemas; the browser builds the `z.input` of them and reads back `JudgedPair`s.
 */

export const MAX_JUDGE_ANSWERS = 8;

/** Who judges, with which keys, on whose behalf: what every judge request carries besides the answers. */
export const judgeChoiceSchema = z.object({
  judge: modelIdSchema,
  keys: runKeysSchema.optional(),
  owner: ownerSecretSchema.optional(),
});
export type JudgeChoice = z.infer<typeof judgeChoiceSchema>;
export type JudgeChoiceBody = z.input<typeof judgeChoiceSchema>;

/** Body of `POST /api/judge`. */
export const judgeRequestSchema = judgeChoiceSchema
  .extend({
    conversation: conversationSchema,
    answers: z
      .array(z.object({ label: z.string().min(1).max(200), text: z.string().max(LIMITS.maxConversationChars) }))
      .min(2, "give at least two answers to compare")
      .max(MAX_JUDGE_ANSWERS, `at most ${MAX_JUDGE_ANSWERS} answers`),
    /** Which pairs of `answers` (0-based indices) to judge; every pair when absent. */
    pairs: z
      .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
      .max(28)
      .optional(),
  })
  .refine((r) => (r.pairs ?? []).every(([a, b]) => a !== b && a < r.answers.length && b < r.answers.length), "pairs must name two different answers");
export type JudgeRequest = z.infer<typeof judgeRequestSchema>;

export interface PairVerdict {
  winner: "a" | "b" | "tie";
  /** Both orders agreed; a verdict that flipped with the order is shown as a tie. */
  consistent: boolean;
  reasons: string[];
  /** The judge's reply could not be read (or the judge run failed); `winner` is then "tie" but the verdict leaves n. */
  error?: string;
}

export interface JudgedPair {
  a: string;
  b: string;
  verdict: PairVerdict;
  /** The two judge runs: (a, b) then (b, a). Stored like any run, so they can be opened and costed. */
  runIds: [string, string];
}

/** Body of `POST /api/judge/runs`: finished runs of one prompt, each with the label it was shown under. */
export const judgeRunsRequestSchema = judgeChoiceSchema.extend({
  runs: z
    .array(z.object({ id: z.string().min(1).max(100), label: z.string().min(1).max(200) }))
    .min(2, "give at least two runs to compare")
    .max(MAX_JUDGE_ANSWERS, `at most ${MAX_JUDGE_ANSWERS} runs`)
    .refine((runs) => new Set(runs.map((r) => r.id)).size === runs.length, "each run may appear once")
    .refine((runs) => new Set(runs.map((r) => r.label)).size === runs.length, "each run needs a label of its own"),
});
export type JudgeRunsRequest = z.infer<typeof judgeRunsRequestSchema>;
export type JudgeRunsRequestBody = z.input<typeof judgeRunsRequestSchema>;
