import "server-only";
import type { RunKeys } from "@/lib/wire/keys";
import type { ProviderId } from "./catalog";

export type Env = Record<string, string | undefined>;

interface ProviderInfo {
  id: ProviderId;
  name: string;
  /** Env variable holding the key or the endpoint that makes this provider usable. */
  envVar?: string;
  baseURL?: string;
}

export const PROVIDERS: readonly ProviderInfo[] = [
  { id: "sim", name: "Simulated (offline)" },
  { id: "openai", name: "OpenAI", envVar: "OPENAI_API_KEY" },
  { id: "anthropic", name: "Anthropic", envVar: "ANTHROPIC_API_KEY" },
  { id: "together", name: "Together AI", envVar: "TOGETHER_API_KEY", baseURL: "https://api.together.xyz/v1" },
  { id: "groq", name: "Groq", envVar: "GROQ_API_KEY", baseURL: "https://api.groq.com/openai/v1" },
  { id: "openrouter", name: "OpenRouter", envVar: "OPENROUTER_API_KEY", baseURL: "https://openrouter.ai/api/v1" },
  { id: "ollama", name: "Ollama (local)", envVar: "OLLAMA_BASE_URL" },
  { id: "local", name: "Local GGUF (in-process)", envVar: "MODELS_DIR" },
  { id: "compat", name: "OpenAI-compatible endpoint", envVar: "OPENAI_COMPATIBLE_BASE_URL" },
];

export interface ProviderSetup {
  id: ProviderId;
  name: string;
  available: boolean;
  reason?: string;
  apiKey?: string;
  baseURL?: string;
  /** The endpoint came from a user, not the operator: requests to it are SSRF-guarded. */
  userEndpoint?: boolean;
}

export const DEFAULT_OLLAMA_URL = "http://127.0.0.1:11434";

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Ollama speaks the OpenAI protocol under /v1; people set the bare server URL. */
export function ollamaUrls(base: string): { root: string; openai: string } {
  const root = trimSlash(base).replace(/\/v1$/, "");
  return { root, openai: `${root}/v1` };
}

/** What each provider needs and whether it has it. Run keys win over the server env. */
export function providerSetups(env: Env = process.env, keys: RunKeys = {}): ProviderSetup[] {
  return PROVIDERS.map((p): ProviderSetup => {
    const base = { id: p.id, name: p.name };
    switch (p.id) {
      case "sim":
        return { ...base, available: true };
      case "ollama": {
        // Tried at its usual address when not configured; the listing says if nothing answers there.
        const url = clean(env.OLLAMA_BASE_URL) ?? DEFAULT_OLLAMA_URL;
        return { ...base, available: true, baseURL: ollamaUrls(url).openai };
      }
      case "local":
        return { ...base, available: true };
      case "compat": {
        // A base URL pasted by a user never receives the server's own key.
        const userUrl = clean(keys.compatBaseUrl);
        const url = userUrl ?? clean(env.OPENAI_COMPATIBLE_BASE_URL);
        const apiKey = userUrl ? clean(keys.compat) : (clean(keys.compat) ?? clean(env.OPENAI_COMPATIBLE_API_KEY));
        return url
          ? { ...base, available: true, baseURL: trimSlash(url), apiKey, userEndpoint: userUrl !== undefined }
          : { ...base, available: false, reason: "set OPENAI_COMPATIBLE_BASE_URL or paste an endpoint in Settings" };
      }
      default: {
        const apiKey = clean(keys[p.id as keyof RunKeys]) ?? clean(p.envVar ? env[p.envVar] : undefined);
        return apiKey
          ? { ...base, available: true, apiKey, baseURL: p.baseURL }
          : { ...base, available: false, reason: `set ${p.envVar} or paste a key in Settings` };
      }
    }
  });
}
