import "server-only";
import { processStore } from "@/lib/db/process-store";
import type { ConfigStore } from "./saved-config";

/** The process's saved-configuration store, beside the run store (memory with MOA_STORE=memory). */
export const getConfigStore = processStore<ConfigStore>("configs", {
  async memory() {
    const { createMemoryConfigStore } = await import("./memory-config-store");
    return createMemoryConfigStore();
  },
  async database() {
    const [{ getDb }, { createDbConfigStore }] = await Promise.all([import("@/lib/db/client"), import("./db-config-store")]);
    return createDbConfigStore(await getDb());
  },
});
