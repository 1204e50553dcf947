import { z } from "zod";

/** GET /api/models, as this page understands it. */
const modelInfoSchema = z.object({
  id: z.string(),
  provider: z.string(),
  name: z.string(),
  available: z.boolean(),
  reason: z.string().optional(),
  simulated: z.boolean().default(false),
  pricePerMTokens: z.object({ input: z.number(), output: z.number(), reasoning: z.number().optional() }).optional(),
  reasoning: z.boolean().optional(),
  activeParamsB: z.number().optional(),
  contextLength: z.number().optional(),
  speedHint: z.union([z.string(), z.number()]).optional(),
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
