import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { providerOf, type MoAConfig } from "@/lib/moa/config";
import type { RunKeys } from "@/lib/wire/keys";

type Env = Record<string, string | undefined>;

export const ACCESS_COOKIE = "moa_access";

// Providers whose only credential is an API key the user may paste instead of the server's.
const KEYED_PROVIDERS = new Set(["openai", "anthropic", "together", "groq", "openrouter"]);

function has(value: string | undefined): boolean {
  return Boolean(value?.trim());
}

function usesServerResource(modelId: string, keys: RunKeys, env: Env): boolean {
  const provider = providerOf(modelId);
  if (provider === "sim") return false;
  if (KEYED_PROVIDERS.has(provider)) return !has(keys[provider as keyof RunKeys]);
  if (provider === "compat") {
    if (!has(keys.compatBaseUrl)) return true;
    // The provider setup falls back to the server's compat key even for a user's own URL.
    return !has(keys.compat) && has(env.OPENAI_COMPATIBLE_API_KEY);
  }
  // ollama is the server's own machine; unknown providers are assumed to cost the owner too.
  return true;
}

/**
 * Whether a run with these models would spend something of the server owner's: an API key
 * from the environment, or an endpoint (Ollama, compat) configured there.
 */
export function requiresAccess(modelIds: readonly string[], keys: RunKeys, env: Env = process.env): boolean {
  return modelIds.some((id) => usesServerResource(id, keys, env));
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

// Hashing first makes both sides the same length, so the comparison leaks neither content nor length.
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** True when MOA_ACCESS_TOKEN is unset, or the request carries it (Bearer header or cookie). */
export function checkAccess(request: Request, env: Env = process.env): boolean {
  const expected = env.MOA_ACCESS_TOKEN?.trim();
  if (!expected) return true;
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const cookie = cookieValue(request.headers.get("cookie"), ACCESS_COOKIE);
  return [bearer, cookie].some((given) => given !== undefined && sameSecret(given, expected));
}

/**
 * Set-Cookie value that remembers the token in this browser. HttpOnly keeps it from scripts;
 * SameSite=Strict keeps another site from starting runs on the owner's keys with it (CSRF).
 */
export function accessCookie(token: string, options: { secure: boolean; maxAgeS?: number }): string {
  const parts = [`${ACCESS_COOKIE}=${encodeURIComponent(token)}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${options.maxAgeS ?? 30 * 24 * 3600}`];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function modelIdsOf(config: MoAConfig): string[] {
  return config.layers.flatMap((layer) => layer.agents.map((agent) => agent.model));
}

/** For route handlers: runs on the user's own keys or the simulator need no token. */
export function assertMayUseServerKeys(request: Request, config: MoAConfig, keys: RunKeys, env: Env = process.env): void {
  if (!requiresAccess(modelIdsOf(config), keys, env) || checkAccess(request, env)) return;
  throw new AppError(
    "unauthorized:access_token",
    "This server's own API keys need an access token. Enter it in Settings, paste your own provider keys, or use the simulated models.",
  );
}
