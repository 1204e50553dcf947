"use client";

import { useEffect, useMemo } from "react";
import { create } from "zustand";
import type { ModelInfo, ProviderInfo } from "@/lib/wire/models";
import { modelView, type ModelView } from "./model-view";

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

/** The models this server can reach; the one loader: fetched once per page and shared by every caller. */
export function useModels(): ModelsState {
  const state = useModelsStore();
  const { status, load } = state;
  useEffect(() => {
    if (status === "idle") void load();
  }, [status, load]);
  return state;
}

/** A model's names for a column or a graph node; re-renders when the list arrives, not on every store change. */
export function useModelView(modelId: string): ModelView {
  const models = useModelsStore((s) => s.models);
  return useMemo(() => modelView(modelId, models), [modelId, models]);
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
