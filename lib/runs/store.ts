import type { RunStore } from "./run-store";

const globalForStore = globalThis as typeof globalThis & { __moaRunStore?: Promise<RunStore> };

/**
 * The process's run store: the database (PGlite, or PostgreSQL with DATABASE_URL), or
 * memory when MOA_STORE=memory (quick experiments; nothing survives a restart).
 */
export function getRunStore(): Promise<RunStore> {
  globalForStore.__moaRunStore ??= openStore().catch((error) => {
    globalForStore.__moaRunStore = undefined;
    throw error;
  });
  return globalForStore.__moaRunStore;
}

async function openStore(): Promise<RunStore> {
  if (process.env.MOA_STORE === "memory") {
    const { createMemoryRunStore } = await import("./memory-run-store");
    return createMemoryRunStore();
  }
  const { getDbRunStore } = await import("@/lib/db/run-store-db");
  return getDbRunStore();
}
