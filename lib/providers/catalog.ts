import { catalogFacts } from "./model-facts";
import { SIM_PROFILES, simDisplayName } from "./sim/profiles";
import { parseSimId } from "./sim/sim-id";

/**
 * The models the palette offers, with the facts the cost, FLOPs and latency figures need.
 * Names, prices (USD per million tokens), context windows and whether a model reasons come
 * from the models.dev catalog (model-facts.ts). What it lacks stays ours and is marked so:
 * active parameter counts (for FLOPs), speed hints, and the few models it does not list.
 */
export type ProviderId = "openai" | "anthropic" | "together" | "groq" | "openrouter" | "ollama" | "compat" | "local" | "sim";

export interface CatalogEntry {
  /** `provider:model` */
  id: string;
  provider: ProviderId;
  name: string;
  contextLength?: number;
  /** `reasoning`: price of reasoning tokens when it differs from `output`. */
  pricePerMTokens?: { input: number; output: number; reasoning?: number };
  /** A reasoning model: it can stream its reasoning and may take a reasoning effort. */
  reasoning?: boolean;
  /** Billions of parameters active per token (MoE models count only the routed experts). Ours. */
  activeParamsB?: number;
  /** Rough output speed in tokens per second, for a hint in the UI. Ours. */
  tokensPerSecond?: number;
  /** Where name, price and context window come from: the models.dev catalog, or our own table. */
  factsFrom?: "models.dev" | "ours";
  /** Which of the figures above are estimates rather than published numbers. */
  estimated?: Array<"pricePerMTokens" | "activeParamsB" | "contextLength" | "tokensPerSecond">;
}

type OwnFacts = Pick<CatalogEntry, "name" | "contextLength" | "pricePerMTokens" | "reasoning">;

interface Row {
  model: string;
  /** The catalog's key when it differs from the id we use (dated snapshot names). */
  catalogKey?: string;
  activeParamsB?: number;
  tokensPerSecond?: number;
  /** Only for models models.dev does not list. */
  ours?: OwnFacts;
  estimated?: CatalogEntry["estimated"];
}

const TPS: CatalogEntry["estimated"] = ["tokensPerSecond"];

const OFFERED: Record<Exclude<ProviderId, "ollama" | "compat" | "local" | "sim">, Row[]> = {
  openai: [
    { model: "gpt-4o", tokensPerSecond: 90, estimated: TPS },
    { model: "gpt-4o-mini", tokensPerSecond: 110, estimated: TPS },
    { model: "gpt-4.1", tokensPerSecond: 80, estimated: TPS },
    { model: "gpt-4.1-mini", tokensPerSecond: 100, estimated: TPS },
    { model: "gpt-4.1-nano", tokensPerSecond: 150, estimated: TPS },
    { model: "o4-mini", tokensPerSecond: 100, estimated: TPS },
    { model: "o3", tokensPerSecond: 60, estimated: TPS },
    { model: "gpt-5-mini", tokensPerSecond: 80, estimated: TPS },
  ],
  anthropic: [
    // Newer than the catalog snapshot: prices from Anthropic's public price list.
    { model: "claude-sonnet-4-5", ours: { name: "Claude Sonnet 4.5", contextLength: 200_000, pricePerMTokens: { input: 3, output: 15 }, reasoning: true }, tokensPerSecond: 70, estimated: TPS },
    { model: "claude-haiku-4-5", ours: { name: "Claude Haiku 4.5", contextLength: 200_000, pricePerMTokens: { input: 1, output: 5 }, reasoning: true }, tokensPerSecond: 120, estimated: TPS },
    { model: "claude-opus-4-1", catalogKey: "claude-opus-4-1-20250805", tokensPerSecond: 40, estimated: TPS },
  ],
  together: [
    { model: "Qwen/Qwen2.5-72B-Instruct-Turbo", ours: { name: "Qwen2.5 72B Instruct Turbo", contextLength: 32_768, pricePerMTokens: { input: 1.2, output: 1.2 } }, activeParamsB: 72.7, tokensPerSecond: 80, estimated: TPS },
    { model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", activeParamsB: 70.6, tokensPerSecond: 90, estimated: TPS },
    { model: "deepseek-ai/DeepSeek-V3", activeParamsB: 37, tokensPerSecond: 40, estimated: TPS },
    { model: "deepseek-ai/DeepSeek-R1", activeParamsB: 37, tokensPerSecond: 40, estimated: TPS },
    // The paper's open models that models.dev no longer lists.
    { model: "mistralai/Mixtral-8x22B-Instruct-v0.1", ours: { name: "Mixtral 8x22B Instruct", contextLength: 65_536, pricePerMTokens: { input: 1.2, output: 1.2 } }, activeParamsB: 39, tokensPerSecond: 70, estimated: ["pricePerMTokens", "tokensPerSecond"] },
    { model: "Qwen/Qwen1.5-110B-Chat", ours: { name: "Qwen1.5 110B Chat", contextLength: 32_768, pricePerMTokens: { input: 1.8, output: 1.8 } }, activeParamsB: 111, tokensPerSecond: 40, estimated: ["pricePerMTokens", "tokensPerSecond"] },
    { model: "databricks/dbrx-instruct", ours: { name: "DBRX Instruct", contextLength: 32_768, pricePerMTokens: { input: 1.2, output: 1.2 } }, activeParamsB: 36, tokensPerSecond: 60, estimated: ["pricePerMTokens", "tokensPerSecond"] },
  ],
  groq: [
    { model: "llama-3.3-70b-versatile", activeParamsB: 70.6, tokensPerSecond: 275, estimated: TPS },
    { model: "llama-3.1-8b-instant", activeParamsB: 8, tokensPerSecond: 750, estimated: TPS },
    { model: "qwen/qwen3-32b", activeParamsB: 32.8, tokensPerSecond: 400, estimated: TPS },
  ],
  openrouter: [
    { model: "openai/gpt-4o", ours: { name: "GPT-4o (OpenRouter)", contextLength: 128_000, pricePerMTokens: { input: 2.5, output: 10 } } },
    { model: "openai/gpt-4o-mini" },
    { model: "anthropic/claude-sonnet-4.5", ours: { name: "Claude Sonnet 4.5 (OpenRouter)", contextLength: 200_000, pricePerMTokens: { input: 3, output: 15 }, reasoning: true } },
    { model: "meta-llama/llama-3.3-70b-instruct", ours: { name: "Llama 3.3 70B (OpenRouter)", contextLength: 131_072, pricePerMTokens: { input: 0.13, output: 0.4 } }, activeParamsB: 70.6, estimated: ["pricePerMTokens"] },
    { model: "qwen/qwen-2.5-72b-instruct", ours: { name: "Qwen2.5 72B (OpenRouter)", contextLength: 32_768, pricePerMTokens: { input: 0.12, output: 0.39 } }, activeParamsB: 72.7, estimated: ["pricePerMTokens"] },
    { model: "deepseek/deepseek-r1-0528:free", activeParamsB: 37 },
  ],
};

function entryOf(provider: ProviderId, row: Row): CatalogEntry {
  const facts = catalogFacts(provider, row.catalogKey ?? row.model);
  const own = facts ? { ...facts, factsFrom: "models.dev" as const } : { name: row.model, ...row.ours, factsFrom: "ours" as const };
  return {
    id: `${provider}:${row.model}`,
    provider,
    ...own,
    ...(row.activeParamsB !== undefined && { activeParamsB: row.activeParamsB }),
    ...(row.tokensPerSecond !== undefined && { tokensPerSecond: row.tokensPerSecond }),
    ...(row.estimated && { estimated: row.estimated }),
  };
}

export const CATALOG: readonly CatalogEntry[] = Object.entries(OFFERED).flatMap(([provider, list]) =>
  list.map((row) => entryOf(provider as ProviderId, row)),
);

const byId = new Map(CATALOG.map((entry) => [entry.id, entry]));

/** Sim entries by full id: figures look models up on every frame of a live run, and parsing the id's parameters each time showed in profiles. */
const simEntries = new Map<string, CatalogEntry | undefined>();
const MAX_SIM_ENTRIES = 512;

function simEntry(id: string): CatalogEntry | undefined {
  if (simEntries.has(id)) return simEntries.get(id);
  if (simEntries.size >= MAX_SIM_ENTRIES) simEntries.clear();
  const entry = simEntryOf(id);
  simEntries.set(id, entry);
  return entry;
}

function simEntryOf(id: string): CatalogEntry | undefined {
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
    ...(profile.thinks && { reasoning: true }),
    factsFrom: "ours",
    estimated: ["pricePerMTokens", "activeParamsB", "contextLength"],
  };
}

/**
 * The catalog entry of a model id, or undefined: unknown ids are still valid everywhere.
 * Ids the palette does not offer are still looked up in models.dev, so `openai:gpt-5` or an
 * OpenRouter model typed by hand gets its price. Sim ids (pace overrides ignored) get their
 * pretend figures, all marked estimated.
 */
export function lookupModel(id: string): CatalogEntry | undefined {
  if (id.startsWith("sim:")) return simEntry(id);
  const offered = byId.get(id);
  if (offered) return offered;
  const colon = id.indexOf(":");
  const provider = id.slice(0, colon) as ProviderId;
  const facts = colon > 0 ? catalogFacts(provider, id.slice(colon + 1)) : undefined;
  return facts ? { id, provider, ...facts, factsFrom: "models.dev" } : undefined;
}
