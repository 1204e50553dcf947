import "server-only";
import { processStore } from "@/lib/db/process-store";
import type { VerdictStore } from "./verdict";

/** The process's verdict store, beside the run store (memory with MOA_STORE=memory). */
export const getVerdictStore = processStore<VerdictStore>("verdicts", {
  async memory() {
    const { createMemoryVerdictStore } = await import("./memory-verdict-store");
    return createMemoryVerdictStore();
  },
  async database() {
    const [{ getDb }, { createDbVerdictStore }] = await Promise.all([import("@/lib/db/client"), import("./db-verdict-store")]);
    return createDbVerdictStore(await getDb());
  },
});
