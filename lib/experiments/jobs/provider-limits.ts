import "server-only";
import { processGlobal } from "@/lib/process-global";
import { PgRateLimiter } from "@/lib/security/rate-limit-pg";
import { InMemoryRateLimiter, type RateLimitConfig, type RateLimiter } from "@/lib/security/rate-limit";
import { providerOf } from "@/lib/moa/model-id";

type Env = Record<string, string | undefined>;

/** A real provider's default pace for jobs: a long job must not trip the provider's own limits. */
const DEFAULT_PROVIDER_LIMIT: RateLimitConfig = { perMinute: 60, burst: 10, maxConcurrent: 4 };
/** In-process models have no provider to protect. */
const UNLIMITED: RateLimitConfig = { perMinute: 0, burst: 0, maxConcurrent: 0 };
const IN_PROCESS = new Set(["sim", "local"]);

/**
 * `MOA_JOB_PROVIDER_LIMITS="openai=60/4,together=120/8"`: runs per minute / at once, per provider,
 * for cells and verdicts of jobs (each counts as one run, whatever its number of agents).
 */
export function providerLimitFromEnv(provider: string, env: Env = process.env): RateLimitConfig {
  for (const entry of (env.MOA_JOB_PROVIDER_LIMITS ?? "").split(",")) {
    const match = /^\s*([\w-]+)\s*=\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(entry);
    if (match && match[1] === provider) {
      const perMinute = Number(match[2]);
      return { perMinute, burst: Math.max(1, Math.min(10, perMinute)), maxConcurrent: Number(match[3]) };
    }
  }
  return IN_PROCESS.has(provider) ? UNLIMITED : DEFAULT_PROVIDER_LIMIT;
}

const limiters = processGlobal("jobLimiters", () => new Map<string, RateLimiter>());

/** The same limiters as run admission: in memory with PGlite, in PostgreSQL (shared by every instance) with DATABASE_URL. */
function limiterFor(provider: string, env: Env = process.env): RateLimiter {
  let limiter = limiters.get(provider);
  if (!limiter) {
    const config = providerLimitFromEnv(provider, env);
    limiter = env.DATABASE_URL && env.MOA_STORE !== "memory" ? new PgRateLimiter(config) : new InMemoryRateLimiter(config);
    limiters.set(provider, limiter);
  }
  return limiter;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `job` once every provider of `models` has a start and a slot free; waits (never fails)
 * while one is at its limit. Providers are taken in name order, so two units cannot each hold
 * what the other waits for.
 */
export async function withProviderSlots<T>(models: string[], job: () => Promise<T>, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  const providers = [...new Set(models.map(providerOf))].sort();
  const releases: Array<() => void> = [];
  try {
    for (const provider of providers) {
      const limiter = limiterFor(provider);
      const client = `job:${provider}`;
      for (;;) {
        const slot = await limiter.acquireConcurrent(client);
        if (slot.ok) {
          const taken = await limiter.take(client);
          if (taken.ok) {
            releases.push(slot.release);
            break;
          }
          slot.release();
          await wait(Math.min(60, taken.retryAfterS) * 1000);
        } else {
          await wait(Math.min(5, slot.retryAfterS) * 250);
        }
      }
    }
    return await job();
  } finally {
    for (const release of releases) release();
  }
}
