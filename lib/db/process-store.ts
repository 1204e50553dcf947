import "server-only";
const holder = globalThis as typeof globalThis & { __moaStores?: Map<string, Promise<unknown>> };
const opened: Map<string, Promise<unknown>> = (holder.__moaStores ??= new Map());

/**
 * One store of a kind per process: memory when MOA_STORE=memory (nothing survives a restart),
 * otherwise the database (PGlite, or PostgreSQL with DATABASE_URL). Kept on globalThis because
 * Next dev re-evaluates modules on every edit; a failed open is forgotten, so the next call retries.
 */
export function processStore<T>(name: string, open: { memory(): Promise<T>; database(): Promise<T> }): () => Promise<T> {
  return () => {
    let store = opened.get(name) as Promise<T> | undefined;
    if (!store) {
      store = process.env.MOA_STORE === "memory" ? open.memory() : open.database();
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
