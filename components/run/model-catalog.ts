"use client";

import { useEffect } from "react";
import { useModelsStore, type ModelInfo } from "@/lib/client/models";
import { tweakSummary } from "@/lib/client/sim-tweaks";

/**
 * Display names, prices and the "simulated" mark for model ids, from the shared models
 * store (GET /api/models, fetched once per page). Until it answers, ids still read well.
 */
export type { ModelInfo };

export function useLoadModelCatalog(): void {
  const status = useModelsStore((s) => s.status);
  const load = useModelsStore((s) => s.load);
  useEffect(() => {
    if (status === "idle") void load();
  }, [status, load]);
}

export function findModel(models: readonly ModelInfo[], modelId: string): ModelInfo | undefined {
  const base = baseId(modelId);
  return models.find((m) => m.id === modelId) ?? models.find((m) => m.id === base);
}

/** `sim:falcon?tps=5` → `sim:falcon`: pace overrides do not change which model it is. */
export function baseId(modelId: string): string {
  if (!modelId.startsWith("sim:")) return modelId;
  const q = modelId.indexOf("?");
  return q === -1 ? modelId : modelId.slice(0, q);
}

/** `sim:falcon?tps=400` → `falcon`: the model's name without its provider and settings. */
export function shortModel(modelId: string): string {
  return modelId.slice(modelId.indexOf(":") + 1).replace(/\?.*$/, "");
}

export function isSimulated(modelId: string, info?: ModelInfo): boolean {
  return info?.simulated ?? modelId.startsWith("sim:");
}

/**
 * What people read: "Falcon (simulated)", "GPT-4o", or the raw id. Sim names are derived
 * locally as well, so a column's label is the same before and after the catalog loads.
 */
export function displayName(modelId: string, info?: ModelInfo): string {
  const simulated = isSimulated(modelId, info);
  let name = info?.name;
  if (!name && modelId.startsWith("sim:")) {
    const bare = baseId(modelId).slice(4);
    name = bare.charAt(0).toUpperCase() + bare.slice(1);
  }
  name ??= modelId;
  return simulated && !/simulated/i.test(name) ? `${name} (simulated)` : name;
}

export interface ModelView {
  id: string;
  /** Full display name, e.g. "Falcon (simulated)": used in accessible names. */
  name: string;
  /** Name without the simulated suffix, for places that show a badge instead. */
  label: string;
  simulated: boolean;
  price?: { input: number; output: number };
}

export function useModelView(modelId: string): ModelView {
  const info = useModelsStore((s) => findModel(s.models, modelId));
  const name = displayName(modelId, info);
  // A tweaked sim model ("keep 0") shows it on its column and node, so two runs are told apart.
  const tweaks = tweakSummary(modelId);
  const label = name.replace(/ \(simulated\)$/, "") + (tweaks ? ` · ${tweaks}` : "");
  return { id: modelId, name, label, simulated: isSimulated(modelId, info), price: info?.pricePerMTokens };
}
