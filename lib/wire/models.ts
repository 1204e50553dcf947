import { z } from "zod";

/**
 * `GET /api/models`: lib/providers/list-models.ts builds it, the browser parses it with
 * `modelsResponseSchema` (loaded with the list, not with the page).
 */
const modelInfoSchema = z.object({
  id: z.string(),
  provider: z.string(),
  name: z.string(),
  available: z.boolean(),
  reason: z.string().optional(),
  simulated: z.boolean(),
  pricePerMTokens: z.object({ input: z.number(), output: z.number(), reasoning: z.number().optional() }).optional(),
  reasoning: z.boolean().optional(),
  activeParamsB: z.number().optional(),
  contextLength: z.number().optional(),
  /** How fast it writes, as people read it: "~400 tok/s", or a sim model's blurb with its pace. */
  speedHint: z.string().optional(),
});

const providerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  available: z.boolean(),
  reason: z.string().optional(),
});

export const modelsResponseSchema = z.object({
  providers: z.array(providerInfoSchema),
  models: z.array(modelInfoSchema),
});

export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type ProviderInfo = z.infer<typeof providerInfoSchema>;
