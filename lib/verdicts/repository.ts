import "server-only";
import { processStore } from "@/lib/db/process-store";
import type { VerdictRepository } from "./verdict";

/** The process's verdict store, beside the run store (memory with MOA_STORE=memory). */
export const getVerdictRepository = processStore<VerdictRepository>("verdicts", {
  async memory() {
    const { createMemoryVerdictRepository } = await import("./memory-verdict-repository");
    return createMemoryVerdictRepository();
  },
  async database() {
    const [{ getDb }, { createDbVerdictRepository }] = await Promise.all([import("@/lib/db/client"), import("./db-verdict-repository")]);
    return createDbVerdictRepository(await getDb());
  },
});
