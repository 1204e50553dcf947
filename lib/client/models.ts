"use client";

import { useEffect } from "react";
import { create } from "zustand";
import type { ModelInfo, ProviderInfo } from "@/lib/wire/models";

export type { ModelInfo, ProviderInfo } from "@/lib/wire/models";

type ModelsState = {
  status: "idle" | "loading" | "ready" | "error";
  providers: ProviderInfo[];
  models: ModelInfo[];
  error?: string;
  load: (force?: boolean) => Promise<void>;
};

export const useModelsStore = create<ModelsState>()((set, get) => ({
  status: "idle",
  providers: [],
  models: [],
  load: async (force = false) => {
    const { status } = get();
    if (status === "loading" || (status === "ready" && !force)) return;
    set({ status: "loading", error: undefined });
    try {
      // The schema (and zod with it) loads alongside the list, not with the page.
      const [{ modelsResponseSchema }, response] = await Promise.all([
        import("@/lib/wire/models"),
        fetch("/api/models", { headers: { accept: "application/json" } }),
      ]);
      if (!response.ok) throw new Error(`The model list could not be loaded (HTTP ${response.status}).`);
      const parsed = modelsResponseSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error("The server sent a model list this page does not understand.");
      set({ status: "ready", ...parsed.data });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The model list could not be loaded.";
      set({ status: "error", error: message });
    }
  },
}));

/** The models this server can reach; fetched once per page and shared by every caller. */
export function useModels() {
  const state = useModelsStore();
  useEffect(() => {
    if (state.status === "idle") void state.load();
  }, [state]);
  return state;
}

/** "Falcon (simulated)" for sim models, the catalog name for known ones, the raw id otherwise. */
export function modelDisplayName(id: string | null, models: readonly ModelInfo[]): string {
  if (!id) return "empty";
  // `sim:owl?keep=0` is still Owl: its query holds settings, not another model.
  const bare = id.startsWith("sim:") ? id.replace(/\?.*$/, "") : id;
  const info = models.find((m) => m.id === id) ?? models.find((m) => m.id === bare);
  const simulated = info?.simulated ?? id.startsWith("sim:");
  const base = info?.name ?? (id.startsWith("sim:") ? capitalize(bare.slice(4)) : id);
  return simulated && !/simulated/i.test(base) ? `${base} (simulated)` : base;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "$0.15 / $0.60 per M" — input and output price per million tokens. */
export function formatPrice(price: ModelInfo["pricePerMTokens"]): string | undefined {
  if (!price) return undefined;
  const fmt = (n: number) => (n === 0 ? "$0" : n < 1 ? `$${n.toFixed(2)}` : `$${n.toFixed(n % 1 === 0 ? 0 : 2)}`);
  return `${fmt(price.input)} / ${fmt(price.output)} per M`;
}

/** A provider the server cannot reach may still work with a key pasted in this browser. */
export function isUsable(model: ModelInfo, keys: Partial<Record<string, string>>): boolean {
  return model.available || Boolean(keys[model.provider]);
}
