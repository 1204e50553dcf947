import { simDisplayName } from "@/lib/providers/sim/profiles";
import { baseModelId, parseSimId } from "@/lib/providers/sim/sim-id";
import type { ModelInfo } from "@/lib/wire/models";
import { tweakSummary } from "./sim-tweaks";

/**
 * How the browser names a model id, in one place. A sim id's query (`sim:owl?tps=9&keep=0`)
 * holds settings, not another model: every name below is the base model's. Sim names are
 * derived the way the server derives them, so a label reads the same before and after
 * GET /api/models answers.
 */

/** The listed model of an id, found by its base id when the id carries settings. */
export function findModel(models: readonly ModelInfo[], modelId: string): ModelInfo | undefined {
  const base = baseModelId(modelId);
  return models.find((m) => m.id === modelId) ?? models.find((m) => m.id === base);
}

function isSimulated(modelId: string, info?: ModelInfo): boolean {
  return info?.simulated ?? modelId.startsWith("sim:");
}

/** What people read: "Falcon (simulated)", "GPT-4o", the raw id of an unlisted model, "empty" for no model. */
export function displayName(modelId: string | null, models: readonly ModelInfo[] = []): string {
  if (!modelId) return "empty";
  const info = findModel(models, modelId);
  const name = info?.name ?? (modelId.startsWith("sim:") ? simDisplayName(parseSimId(modelId).name) : modelId);
  return isSimulated(modelId, info) && !/simulated/i.test(name) ? `${name} (simulated)` : name;
}

/** `sim:falcon?tps=400` → `falcon`: the model's name without its provider and settings, for dense tables. */
export function shortModel(modelId: string): string {
  return baseModelId(modelId).slice(modelId.indexOf(":") + 1);
}

export interface ModelView {
  id: string;
  /** Full display name, e.g. "Falcon (simulated)": used in accessible names. */
  name: string;
  /** Name without the simulated mark (places that show a badge instead), with a sim model's tweaks: "Owl · keep 0". */
  label: string;
  /** The name without the simulated mark, and the tweaks apart: for places that format them their own way. */
  plain: string;
  tweaks: string;
  simulated: boolean;
}

export function modelView(modelId: string, models: readonly ModelInfo[] = []): ModelView {
  const name = displayName(modelId, models);
  const plain = name.replace(/ \(simulated\)$/, "");
  // A tweaked sim model ("keep 0") shows it on its column and node, so two runs are told apart.
  const tweaks = tweakSummary(modelId);
  return { id: modelId, name, plain, tweaks, label: plain + (tweaks ? ` · ${tweaks}` : ""), simulated: isSimulated(modelId, findModel(models, modelId)) };
}
