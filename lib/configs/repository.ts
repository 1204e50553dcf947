import "server-only";
import { processStore } from "@/lib/db/process-store";
import type { ConfigRepository } from "./saved-config";

/** The process's saved-configuration store, beside the run store (memory with MOA_STORE=memory). */
export const getConfigRepository = processStore<ConfigRepository>("configs", {
  async memory() {
    const { createMemoryConfigRepository } = await import("./memory-config-repository");
    return createMemoryConfigRepository();
  },
  async database() {
    const [{ getDb }, { createDbConfigRepository }] = await Promise.all([import("@/lib/db/client"), import("./db-config-repository")]);
    return createDbConfigRepository(await getDb());
  },
});
