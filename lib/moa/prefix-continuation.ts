import { providerOf } from "./config";

/**
 * Providers whose models continue a trailing assistant message instead of answering anew:
 * Anthropic natively; Ollama, llama.cpp, vLLM and other OpenAI-compatible servers by
 * chat-template prefill; the simulator by design. OpenAI, Groq, Together and OpenRouter
 * treat a trailing assistant turn as history, so early aggregation falls back to normal layers there.
 */
const PREFIX_PROVIDERS = new Set(["sim", "anthropic", "ollama", "compat", "local"]);

export const DEFAULT_CHUNK_CHARS = 400;

export function supportsPrefixContinuation(modelId: string): boolean {
  return PREFIX_PROVIDERS.has(providerOf(modelId));
}
