import "server-only";
import type { DbHandle } from "./client";
import type { DbRunStore } from "./run-store-db";

interface DbGlobals {
  db?: Promise<DbHandle>;
  runStore?: Promise<DbRunStore>;
}

const holder = globalThis as typeof globalThis & { __moaDb?: DbGlobals };

/**
 * Process-wide singletons. Next dev re-evaluates modules on every edit, so they live on
 * globalThis: the PGlite folder allows one opener and must never be opened twice.
 */
export const dbGlobals: DbGlobals = (holder.__moaDb ??= {});
