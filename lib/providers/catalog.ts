import { SIM_PROFILES, simDisplayName } from "./sim/profiles";
import { parseSimId } from "./sim/sim-id";

/**
 * Well-known models with the facts the cost, FLOPs and latency figures need. Prices are USD
 * per million tokens from the providers' public price lists; parameter counts of closed
 * models are not published, so those stay undefined rather than guessed. Where a figure is
 * a rough public estimate, `estimated` names the fields that are.
 */
export type ProviderId = "openai" | "anthropic" | "together" | "groq" | "openrouter" | "ollama" | "compat" | "local" | "sim";

export interface CatalogEntry {
  /** `provider:model` */
  id: string;
  provider: ProviderId;
  name: string;
  contextLength?: number;
  pricePerMTokens?: { input: number; output: number };
  /** Billions of parameters active per token (MoE models count only the routed experts). */
  activeParamsB?: number;
  /** Rough output speed in tokens per second, for a hint in the UI. */
  tokensPerSecond?: number;
  /** Which of the figures above are estimates rather than published numbers. */
  estimated?: Array<"pricePerMTokens" | "activeParamsB" | "contextLength" | "tokensPerSecond">;
}

type Row = Omit<CatalogEntry, "id" | "provider"> & { model: string };

function rows(provider: ProviderId, list: Row[]): CatalogEntry[] {
  return list.map(({ model, ...rest }) => ({ id: `${provider}:${model}`, provider, ...rest }));
}

const OPENAI = rows("openai", [
  { model: "gpt-4o", name: "GPT-4o", contextLength: 128_000, pricePerMTokens: { input: 2.5, output: 10 }, tokensPerSecond: 90, estimated: ["tokensPerSecond"] },
  { model: "gpt-4o-mini", name: "GPT-4o mini", contextLength: 128_000, pricePerMTokens: { input: 0.15, output: 0.6 }, tokensPerSecond: 110, estimated: ["tokensPerSecond"] },
  { model: "gpt-4.1", name: "GPT-4.1", contextLength: 1_047_576, pricePerMTokens: { input: 2, output: 8 }, tokensPerSecond: 80, estimated: ["tokensPerSecond"] },
  { model: "gpt-4.1-mini", name: "GPT-4.1 mini", contextLength: 1_047_576, pricePerMTokens: { input: 0.4, output: 1.6 }, tokensPerSecond: 100, estimated: ["tokensPerSecond"] },
  { model: "gpt-4.1-nano", name: "GPT-4.1 nano", contextLength: 1_047_576, pricePerMTokens: { input: 0.1, output: 0.4 }, tokensPerSecond: 150, estimated: ["tokensPerSecond"] },
  { model: "o4-mini", name: "o4-mini", contextLength: 200_000, pricePerMTokens: { input: 1.1, output: 4.4 }, tokensPerSecond: 100, estimated: ["tokensPerSecond"] },
]);

const ANTHROPIC = rows("anthropic", [
  { model: "claude-sonnet-4-5", name: "Claude Sonnet 4.5", contextLength: 200_000, pricePerMTokens: { input: 3, output: 15 }, tokensPerSecond: 70, estimated: ["tokensPerSecond"] },
  { model: "claude-haiku-4-5", name: "Claude Haiku 4.5", contextLength: 200_000, pricePerMTokens: { input: 1, output: 5 }, tokensPerSecond: 120, estimated: ["tokensPerSecond"] },
  { model: "claude-opus-4-1", name: "Claude Opus 4.1", contextLength: 200_000, pricePerMTokens: { input: 15, output: 75 }, tokensPerSecond: 40, estimated: ["tokensPerSecond"] },
]);

const TOGETHER = rows("together", [
  { model: "Qwen/Qwen2.5-72B-Instruct-Turbo", name: "Qwen2.5 72B Instruct Turbo", contextLength: 32_768, pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 72.7, tokensPerSecond: 80, estimated: ["tokensPerSecond"] },
  { model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", name: "Llama 3.3 70B Instruct Turbo", contextLength: 131_072, pricePerMTokens: { input: 0.88, output: 0.88 }, activeParamsB: 70.6, tokensPerSecond: 90, estimated: ["tokensPerSecond"] },
  { model: "deepseek-ai/DeepSeek-V3", name: "DeepSeek V3", contextLength: 131_072, pricePerMTokens: { input: 1.25, output: 1.25 }, activeParamsB: 37, tokensPerSecond: 40, estimated: ["tokensPerSecond"] },
  { model: "mistralai/Mixtral-8x22B-Instruct-v0.1", name: "Mixtral 8x22B Instruct", contextLength: 65_536, pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 39, tokensPerSecond: 70, estimated: ["pricePerMTokens", "tokensPerSecond"] },
  { model: "Qwen/Qwen1.5-110B-Chat", name: "Qwen1.5 110B Chat", contextLength: 32_768, pricePerMTokens: { input: 1.8, output: 1.8 }, activeParamsB: 111, tokensPerSecond: 40, estimated: ["pricePerMTokens", "tokensPerSecond"] },
  { model: "databricks/dbrx-instruct", name: "DBRX Instruct", contextLength: 32_768, pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 36, tokensPerSecond: 60, estimated: ["pricePerMTokens", "tokensPerSecond"] },
]);

const GROQ = rows("groq", [
  { model: "llama-3.3-70b-versatile", name: "Llama 3.3 70B Versatile", contextLength: 131_072, pricePerMTokens: { input: 0.59, output: 0.79 }, activeParamsB: 70.6, tokensPerSecond: 275, estimated: ["tokensPerSecond"] },
  { model: "llama-3.1-8b-instant", name: "Llama 3.1 8B Instant", contextLength: 131_072, pricePerMTokens: { input: 0.05, output: 0.08 }, activeParamsB: 8, tokensPerSecond: 750, estimated: ["tokensPerSecond"] },
  { model: "qwen/qwen3-32b", name: "Qwen3 32B", contextLength: 131_072, pricePerMTokens: { input: 0.29, output: 0.59 }, activeParamsB: 32.8, tokensPerSecond: 400, estimated: ["tokensPerSecond"] },
]);

const OPENROUTER = rows("openrouter", [
  { model: "openai/gpt-4o", name: "GPT-4o (OpenRouter)", contextLength: 128_000, pricePerMTokens: { input: 2.5, output: 10 } },
  { model: "openai/gpt-4o-mini", name: "GPT-4o mini (OpenRouter)", contextLength: 128_000, pricePerMTokens: { input: 0.15, output: 0.6 } },
  { model: "anthropic/claude-sonnet-4.5", name: "Claude Sonnet 4.5 (OpenRouter)", contextLength: 200_000, pricePerMTokens: { input: 3, output: 15 } },
  { model: "meta-llama/llama-3.3-70b-instruct", name: "Llama 3.3 70B (OpenRouter)", contextLength: 131_072, pricePerMTokens: { input: 0.13, output: 0.4 }, activeParamsB: 70.6, estimated: ["pricePerMTokens"] },
  { model: "qwen/qwen-2.5-72b-instruct", name: "Qwen2.5 72B (OpenRouter)", contextLength: 32_768, pricePerMTokens: { input: 0.12, output: 0.39 }, activeParamsB: 72.7, estimated: ["pricePerMTokens"] },
]);

export const CATALOG: readonly CatalogEntry[] = [...OPENAI, ...ANTHROPIC, ...TOGETHER, ...GROQ, ...OPENROUTER];

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));

/**
 * The catalog entry of a model id, or undefined: unknown ids are still valid everywhere.
 * Sim ids (pace overrides ignored) get their pretend figures, all marked estimated.
 */
export function lookupModel(id: string): CatalogEntry | undefined {
  if (!id.startsWith("sim:")) return byId.get(id);
  const name = parseSimId(id).name;
  const profile = SIM_PROFILES.find((p) => p.name === name);
  if (!profile) return undefined;
  return {
    id: `sim:${name}`,
    provider: "sim",
    name: simDisplayName(name),
    contextLength: profile.pretend.contextLength,
    pricePerMTokens: profile.pretend.pricePerMTokens,
    activeParamsB: profile.pretend.activeParamsB,
    tokensPerSecond: profile.tokensPerSecond,
    estimated: ["pricePerMTokens", "activeParamsB", "contextLength"],
  };
}

export function catalogForProvider(provider: ProviderId): CatalogEntry[] {
  return CATALOG.filter((entry) => entry.provider === provider);
}
