import "server-only";
import { processStore } from "@/lib/db/process-store";
import type { RunStore } from "./run-store";

/**
 * The process's run store: the database (PGlite, or PostgreSQL with DATABASE_URL), or
 * memory when MOA_STORE=memory (quick experiments; nothing survives a restart).
 */
export const getRunStore = processStore<RunStore>("runs", {
  async memory() {
    const { createMemoryRunStore } = await import("./memory-run-store");
    return createMemoryRunStore();
  },
  async database() {
    const { openDbRunStore } = await import("./db-run-store");
    return openDbRunStore();
  },
});
