import type { SharedV3ProviderOptions } from "@ai-sdk/provider";
import type { LanguageModel } from "ai";
import type { ReasoningEffort } from "./config";

/** Anthropic takes a token budget rather than a level; these mirror its documented range (min 1024). */
export const THINKING_BUDGET: Record<ReasoningEffort, number> = { low: 2_048, medium: 8_192, high: 24_576 };

/** The AI SDK names a model's provider `openai.chat`, `anthropic.messages`, `together.chat`, `sim`… */
function providerFamily(model: LanguageModel): string {
  const provider = typeof model === "string" ? model.split(/[:/]/)[0] : model.provider;
  return provider.split(".")[0];
}

/**
 * One effort setting, said the way each provider understands it. OpenAI's reasoning models
 * also get `reasoningSummary: "auto"`, since without it the Responses API streams no
 * reasoning text at all; OpenAI-compatible servers (vLLM, Together, OpenRouter, Ollama) take
 * `reasoning_effort` and answer with DeepSeek-style `reasoning_content` deltas.
 */
export function reasoningProviderOptions(model: LanguageModel, effort: ReasoningEffort | undefined): SharedV3ProviderOptions | undefined {
  if (!effort) return undefined;
  const family = providerFamily(model);
  switch (family) {
    case "openai":
      return { openai: { reasoningEffort: effort, reasoningSummary: "auto" } };
    case "anthropic":
      return { anthropic: { thinking: { type: "enabled", budgetTokens: THINKING_BUDGET[effort] } } };
    default:
      return { [family]: { reasoningEffort: effort } };
  }
}
