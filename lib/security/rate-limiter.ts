import "server-only";
import { isClustered } from "@/lib/db/backend";
import { processGlobal } from "@/lib/process-global";
import { InMemoryRateLimiter, rateLimitConfigFromEnv, type RateLimiter } from "./rate-limit";
import { PgRateLimiter } from "./rate-limit-pg";

type Env = Record<string, string | undefined>;

/** One limiter per process, configured from the env on first use. */
export function getRateLimiter(env: Env = process.env): RateLimiter {
  // With PostgreSQL several instances serve the same clients: the limits must live there.
  return processGlobal<RateLimiter>("rate-limiter", () =>
    isClustered(env) ? new PgRateLimiter(rateLimitConfigFromEnv(env)) : new InMemoryRateLimiter(rateLimitConfigFromEnv(env)),
  );
}
