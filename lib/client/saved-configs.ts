import type { MoAConfig } from "@/lib/moa/config";
import type { ConfigEntry } from "@/lib/wire/configs";
import { ownerHeaders } from "./owner";

/** The browser side of saved boards. The owner secret travels in a header, never in a URL. */

export class SavedConfigError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "SavedConfigError";
  }
}

async function failure(response: Response, fallback: string): Promise<SavedConfigError> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new SavedConfigError(body?.error?.message ?? fallback, response.status);
}

/** Built-in presets first, then this owner's saved boards (only presets without an owner). */
export async function fetchConfigs(owner: string | null): Promise<ConfigEntry[]> {
  const response = await fetch("/api/configs", { headers: ownerHeaders(owner), cache: "no-store" });
  if (!response.ok) throw await failure(response, "Could not load the saved boards.");
  return ((await response.json()) as { configs: ConfigEntry[] }).configs;
}

export async function saveConfig(owner: string, input: { name: string; config: MoAConfig; preset?: string }): Promise<ConfigEntry> {
  const response = await fetch("/api/configs", {
    method: "POST",
    headers: { "content-type": "application/json", ...ownerHeaders(owner) },
    body: JSON.stringify({ name: input.name, config: input.config, ...(input.preset && { settings: { preset: input.preset.slice(0, 80) } }) }),
  });
  if (!response.ok) throw await failure(response, "Could not save the board.");
  return ((await response.json()) as { config: ConfigEntry }).config;
}

export async function renameConfig(owner: string, slug: string, name: string): Promise<ConfigEntry> {
  const response = await fetch(`/api/configs/${encodeURIComponent(slug)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...ownerHeaders(owner) },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw await failure(response, "Could not rename the board.");
  return ((await response.json()) as { config: ConfigEntry }).config;
}

export async function deleteConfig(owner: string, slug: string): Promise<void> {
  const response = await fetch(`/api/configs/${encodeURIComponent(slug)}`, { method: "DELETE", headers: ownerHeaders(owner) });
  if (!response.ok) throw await failure(response, "Could not delete the board.");
}

/** "3 → 3 → 1": agents per layer, the way the board reads left to right. */
export function layerShape(config: MoAConfig): string {
  return config.layers.map((layer) => layer.agents.length).join(" → ");
}
