/** Hard limits on what one run may ask for. Shared by the schema, the API and the UI. */
export const LIMITS = {
  maxLayers: 8,
  maxAgentsPerLayer: 16,
  maxTokens: 32_768,
  /** The MoA paper's code calls every model with max_tokens 2048 (togethercomputer/MoA, utils.py). */
  defaultMaxTokens: 2_048,
  maxSystemChars: 20_000,
  maxSynthesisPromptChars: 20_000,
  maxMessages: 200,
  maxConversationChars: 200_000,
  maxModelIdChars: 200,
} as const;
