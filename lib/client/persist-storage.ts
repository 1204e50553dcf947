import { useEffect, useState } from "react";
import { createJSONStorage, type StateStorage } from "zustand/middleware";

const memory = new Map<string, string>();
const memoryStorage: StateStorage = {
  getItem: (name) => memory.get(name) ?? null,
  setItem: (name, value) => void memory.set(name, value),
  removeItem: (name) => void memory.delete(name),
};

/** localStorage in the browser; an in-memory stand-in on the server and in node tests. */
export function browserStorage<S>() {
  return createJSONStorage<S>(() => (typeof localStorage === "undefined" ? memoryStorage : localStorage));
}

type Rehydratable = { persist: { rehydrate: () => Promise<void> | void; hasHydrated: () => boolean } };

/**
 * The stores skip automatic hydration so server and first client render agree; this applies the
 * stored state after mount and tells the caller when it is in.
 */
export function useRehydrated(...stores: Rehydratable[]): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let alive = true;
    Promise.all(stores.map((s) => (s.persist.hasHydrated() ? undefined : s.persist.rehydrate()))).then(() => {
      if (alive) setDone(true);
    });
    return () => {
      alive = false;
    };
    // The stores are module singletons; running once per mount is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return done;
}
