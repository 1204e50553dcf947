import { z } from "zod";
import { LIMITS } from "./limits";
import { checkMethodShape } from "./methods/shape";
import { methodSchema } from "./methods/schema";
import { modelIdSchema } from "./model-id-schema";

export { modelIdSchema };

export const reasoningEffortSchema = z.enum(["low", "medium", "high"]);

export const agentConfigSchema = z.object({
  model: modelIdSchema,
  temperature: z.number().min(0, "temperature must be ≥ 0").max(2, "temperature must be ≤ 2").optional(),
  maxTokens: z
    .number()
    .int("maxTokens must be a whole number")
    .min(1, "maxTokens must be ≥ 1")
    .max(LIMITS.maxTokens, `maxTokens must be ≤ ${LIMITS.maxTokens}`)
    .optional(),
  system: z.string().max(LIMITS.maxSystemChars, "system prompt is too long").optional(),
  /** How hard a reasoning model thinks; mapped to each provider's own option (see reasoning-options.ts). */
  reasoningEffort: reasoningEffortSchema.optional(),
});

/**
 * What a layer does with agents that are slow to answer.
 * - `all`: wait for every agent (the paper's schedule).
 * - `quorum`: go on once `k` agents have answered; cancel the rest.
 * - `deadline`: once the first answer is in, wait at most `ms` more; cancel the rest.
 */
export const layerPolicySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("quorum"), k: z.number().int().min(1, "quorum k must be ≥ 1") }),
  z.object({ kind: z.literal("deadline"), ms: z.number().int().min(0).max(600_000) }),
]);

export const layerConfigSchema = z.object({
  agents: z
    .array(agentConfigSchema)
    .min(1, "a layer needs at least one agent")
    .max(LIMITS.maxAgentsPerLayer, `a layer holds at most ${LIMITS.maxAgentsPerLayer} agents`),
  synthesisPrompt: z.string().max(LIMITS.maxSynthesisPromptChars, "synthesis prompt is too long").optional(),
  policy: layerPolicySchema.optional(),
  /**
   * Trace-level synthesis (arXiv 2605.29116): this layer's agents also read the reasoning the
   * previous layer's agents streamed, not only their answers.
   */
  readReasoning: z.boolean().optional(),
});

export const moaConfigSchema = z
  .object({
    layers: z
      .array(layerConfigSchema)
      .min(1, "at least one layer is needed")
      .max(LIMITS.maxLayers, `at most ${LIMITS.maxLayers} layers`),
    /**
     * Opt-in "staircase streaming" (arXiv 2510.05059): a layer starts from its predecessor's
     * partial answers once each has `chunkChars` characters, and continues as more arrives.
     */
    earlyAggregation: z
      .object({ chunkChars: z.number().int().min(1, "chunkChars must be ≥ 1").max(100_000).optional() })
      .optional(),
    /** The strategy the engine runs the layers with; absent means the paper's MoA. */
    method: methodSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const last = config.layers.at(-1);
    if (last && last.agents.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["layers", config.layers.length - 1, "agents"],
        message: "the last layer must have exactly one agent: the final aggregator",
      });
    }
    config.layers.forEach((layer, index) => {
      if (layer.policy?.kind === "quorum" && layer.policy.k > layer.agents.length) {
        ctx.addIssue({
          code: "custom",
          path: ["layers", index, "policy", "k"],
          message: `quorum k (${layer.policy.k}) is larger than the layer's ${layer.agents.length} agents`,
        });
      }
    });
    checkMethodShape(config, ctx);
  });

export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type LayerPolicy = z.infer<typeof layerPolicySchema>;
export type LayerConfig = z.infer<typeof layerConfigSchema>;
export type MoAConfig = z.infer<typeof moaConfigSchema>;

export { providerOf } from "./model-id";
