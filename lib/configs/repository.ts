import type { ConfigRepository } from "./saved-config";

const globalForConfigs = globalThis as typeof globalThis & { __moaConfigRepository?: Promise<ConfigRepository> };

/**
 * The process's saved-configuration store, beside the run store: memory when MOA_STORE=memory,
 * otherwise the same database (PGlite, or PostgreSQL with DATABASE_URL).
 */
export function getConfigRepository(): Promise<ConfigRepository> {
  globalForConfigs.__moaConfigRepository ??= open().catch((error) => {
    globalForConfigs.__moaConfigRepository = undefined;
    throw error;
  });
  return globalForConfigs.__moaConfigRepository;
}

async function open(): Promise<ConfigRepository> {
  if (process.env.MOA_STORE === "memory") {
    const { createMemoryConfigRepository } = await import("./memory-config-repository");
    return createMemoryConfigRepository();
  }
  const [{ getDb }, { createDbConfigRepository }] = await Promise.all([import("@/lib/db/client"), import("./db-config-repository")]);
  return createDbConfigRepository(await getDb());
}
