import "server-only";
type Env = Record<string, string | undefined>;

/** MOA_STORE=memory: every store lives in this process and nothing survives a restart. */
export function usesMemoryStore(env: Env = process.env): boolean {
  return env.MOA_STORE === "memory";
}

/** PostgreSQL is shared with other instances: events, cancels and rate limits must cross processes. */
export function isClustered(env: Env = process.env): boolean {
  return Boolean(env.DATABASE_URL) && !usesMemoryStore(env);
}
