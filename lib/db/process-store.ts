import "server-only";
import { processGlobal } from "@/lib/process-global";
import { usesMemoryStore } from "./backend";
const opened = processGlobal("stores", () => new Map<string, Promise<unknown>>());

/**
 * One store of a kind per process: memory when MOA_STORE=memory (nothing survives a restart),
 * otherwise the database (PGlite, or PostgreSQL with DATABASE_URL). Opened once per process
 * (see processGlobal); a failed open is forgotten, so the next call retries.
 */
export function processStore<T>(name: string, open: { memory(): Promise<T>; database(): Promise<T> }): () => Promise<T> {
  return () => {
    let store = opened.get(name) as Promise<T> | undefined;
    if (!store) {
      store = usesMemoryStore() ? open.memory() : open.database();
      const opening = store;
      opened.set(name, opening);
      opening.catch(() => {
        if (opened.get(name) === opening) opened.delete(name);
      });
    }
    return store;
  };
}

/** Forgets every store opened so far, so the next call opens it again (for tests that switch MOA_STORE). */
export function forgetProcessStores(): void {
  opened.clear();
}

/** Makes `store` the process's store of this kind (for tests that need a store with hooks). */
export function setProcessStore<T>(name: string, store: T): void {
  opened.set(name, Promise.resolve(store));
}
