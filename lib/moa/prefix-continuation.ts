import type { MoAConfig } from "./config";
import { providerOf } from "./model-id";

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

/**
 * Whether layer `index` of `config` streams from its predecessor's partial answers: early
 * aggregation is on and every agent of the layer can continue a prefix. Otherwise the layer
 * waits for every answer, as in the paper.
 */
export function aggregatesEarly(config: MoAConfig, index: number): boolean {
  const layer = config.layers[index];
  return config.earlyAggregation !== undefined && index > 0 && layer !== undefined && layer.agents.every((agent) => supportsPrefixContinuation(agent.model));
}

/** The models of layer `index` that cannot continue a prefix (why early aggregation fell back there). */
export function modelsWithoutPrefixContinuation(config: MoAConfig, index: number): string[] {
  return (config.layers[index]?.agents ?? []).map((agent) => agent.model).filter((model) => !supportsPrefixContinuation(model));
}
