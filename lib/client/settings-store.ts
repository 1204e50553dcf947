"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import { runKeysSchema, type RunKeys } from "@/lib/wire/keys";
import { browserStorage, useRehydrated } from "./persist-storage";

export type KeyName = Exclude<keyof RunKeys, "compatBaseUrl">;
export const KEY_NAMES: KeyName[] = ["openai", "anthropic", "together", "groq", "openrouter", "compat"];

type Persisted = { keys: RunKeys };

export type SettingsState = Persisted & {
  setKey: (name: KeyName, value: string) => void;
  setCompatBaseUrl: (url: string) => void;
  clearKeys: () => void;
  /** The keys to send with a run: only well-formed entries, so one bad paste does not fail the run. */
  runKeys: () => RunKeys | undefined;
};

function withEntry(keys: RunKeys, name: keyof RunKeys, value: string): RunKeys {
  const next = { ...keys };
  if (value.trim()) next[name] = value.trim();
  else delete next[name];
  return next;
}

/** Keys live only in this browser's localStorage; they go to the server with a run and nowhere else. */
export const useSettingsStore = create<SettingsState>()(
  persist<SettingsState, [], [], Persisted>(
    (set, get) => ({
      keys: {},
      setKey: (name, value) => set((s) => ({ keys: withEntry(s.keys, name, value) })),
      setCompatBaseUrl: (url) => set((s) => ({ keys: withEntry(s.keys, "compatBaseUrl", url) })),
      clearKeys: () => set({ keys: {} }),
      runKeys: () => {
        const keys = get().keys;
        const clean: RunKeys = {};
        for (const [name, value] of Object.entries(keys) as [keyof RunKeys, string][]) {
          // "localhost:8000" parses as a URL with scheme "localhost:"; only web URLs reach a server.
          if (name === "compatBaseUrl" && !/^https?:\/\//i.test(value)) continue;
          const one = runKeysSchema.safeParse({ [name]: value });
          if (one.success) Object.assign(clean, one.data);
        }
        return Object.keys(clean).length > 0 ? clean : undefined;
      },
    }),
    {
      name: "moa-settings-v1",
      version: 1,
      storage: browserStorage<Persisted>(),
      partialize: (s) => ({ keys: s.keys }),
      skipHydration: true,
      merge: (persisted, current) => {
        const keys = (persisted as Partial<Persisted> | undefined)?.keys;
        return keys && typeof keys === "object" ? { ...current, keys: { ...keys } } : current;
      },
    },
  ),
);

export function useSettingsHydrated(): boolean {
  return useRehydrated(useSettingsStore);
}
