import "server-only";
import { z } from "zod";
import type { ModelInfo, ProviderInfo } from "@/lib/wire/models";
import { CATALOG, type CatalogEntry } from "./catalog";
import { defaultModelsDir, listLocalModels } from "./local";
import { DEFAULT_OLLAMA_URL, ollamaUrls, providerSetups, type Env, type ProviderSetup } from "./provider-config";
import { SIM_PROFILES, simDisplayName } from "./sim/profiles";


export interface ListModelsOptions {
  env?: Env;
  fetchImpl?: typeof fetch;
}

const FETCH_TIMEOUT_MS = 1_500;
const CACHE_MS = 30_000;
const cache = new Map<string, { expires: number; value: Promise<string[]> }>();

/** Tests and the Settings "refresh" path start from a clean slate. */
export function clearModelListCache(): void {
  cache.clear();
}

const openAIModelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
const ollamaTagsSchema = z.object({ models: z.array(z.object({ name: z.string() })) });

async function fetchNames(url: string, parse: (json: unknown) => string[], fetchImpl: typeof fetch, apiKey?: string): Promise<string[]> {
  const hit = cache.get(url);
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = (async () => {
    const res = await fetchImpl(url, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parse(await res.json());
  })();
  cache.set(url, { expires: Date.now() + CACHE_MS, value });
  // A failure is cached too (an unreachable endpoint should not cost 1.5 s per page load), but only briefly.
  value.catch(() => cache.set(url, { expires: Date.now() + CACHE_MS / 6, value }));
  return value;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timed out";
  if (error instanceof z.ZodError) return "unexpected response";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause ?? (error instanceof Error ? error.message : String(error));
}

function fromCatalog(entry: CatalogEntry, setup: ProviderSetup | undefined): ModelInfo {
  return {
    id: entry.id,
    provider: entry.provider,
    name: entry.name,
    available: setup?.available ?? false,
    reason: setup?.available ? undefined : setup?.reason,
    simulated: false,
    pricePerMTokens: entry.pricePerMTokens,
    ...(entry.reasoning && { reasoning: true }),
    activeParamsB: entry.activeParamsB,
    contextLength: entry.contextLength,
    speedHint: entry.tokensPerSecond ? `~${entry.tokensPerSecond} tok/s` : undefined,
  };
}

function simModels(): ModelInfo[] {
  return SIM_PROFILES.map((p) => ({
    id: `sim:${p.name}`,
    provider: "sim",
    name: simDisplayName(p.name),
    available: true,
    simulated: true,
    pricePerMTokens: p.pretend.pricePerMTokens,
    ...(p.thinks && { reasoning: true }),
    activeParamsB: p.pretend.activeParamsB,
    contextLength: p.pretend.contextLength,
    speedHint: `${p.blurb}; ~${p.tokensPerSecond} tok/s`,
  }));
}

async function discover(
  setup: ProviderSetup,
  url: string,
  parse: (json: unknown) => string[],
  fetchImpl: typeof fetch,
): Promise<{ provider: ProviderInfo; models: ModelInfo[] }> {
  try {
    const names = await fetchNames(url, parse, fetchImpl, setup.id === "compat" ? setup.apiKey : undefined);
    const models = names.map((name) => ({ id: `${setup.id}:${name}`, provider: setup.id, name, available: true, simulated: false }));
    return { provider: { id: setup.id, name: setup.name, available: true }, models };
  } catch (error) {
    // The URL is the operator's own setting; the key is never part of the message.
    const reason = `cannot list models at ${url}: ${describeFailure(error)}`;
    return { provider: { id: setup.id, name: setup.name, available: false, reason }, models: [] };
  }
}

async function discoverLocal(setup: ProviderSetup, env: Env): Promise<{ provider: ProviderInfo; models: ModelInfo[] }> {
  const dir = defaultModelsDir(env);
  const files = await listLocalModels(dir).catch(() => []);
  const models = files.map((f) => ({ id: f.id, provider: setup.id, name: f.name, available: true, simulated: false }));
  const provider: ProviderInfo = files.length
    ? { id: setup.id, name: setup.name, available: true }
    : { id: setup.id, name: setup.name, available: false, reason: `no .gguf files in ${dir}` };
  return { provider, models };
}

/** Every model this server could run now, and why the others cannot. Never throws. */
export async function listModels(options: ListModelsOptions = {}): Promise<{ providers: ProviderInfo[]; models: ModelInfo[] }> {
  const env = options.env ?? process.env;
  const fetchImpl = options.fetchImpl ?? fetch;
  const setups = providerSetups(env);
  const byId = new Map(setups.map((s) => [s.id as string, s]));

  const discovered = await Promise.all(
    setups.map(async (setup) => {
      if (setup.available && setup.id === "compat") {
        return discover(setup, `${setup.baseURL}/models`, (j) => openAIModelsSchema.parse(j).data.map((m) => m.id), fetchImpl);
      }
      if (setup.available && setup.id === "ollama") {
        const root = ollamaUrls(env.OLLAMA_BASE_URL || DEFAULT_OLLAMA_URL).root;
        return discover(setup, `${root}/api/tags`, (j) => ollamaTagsSchema.parse(j).models.map((m) => m.name), fetchImpl);
      }
      if (setup.id === "local") return discoverLocal(setup, env);
      const provider: ProviderInfo = { id: setup.id, name: setup.name, available: setup.available, reason: setup.reason };
      return { provider, models: [] as ModelInfo[] };
    }),
  );

  return {
    providers: discovered.map((d) => d.provider),
    models: [...simModels(), ...CATALOG.map((e) => fromCatalog(e, byId.get(e.provider))), ...discovered.flatMap((d) => d.models)],
  };
}
