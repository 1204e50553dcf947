import "server-only";
import { AppError } from "@/lib/errors";
import { buildPreset, PRESETS, type PresetId } from "@/lib/presets";
import { listModels } from "@/lib/providers/list-models";
import { getConfigStore } from "./store";
import type { ConfigEntry } from "@/lib/wire/configs";
import type { SavedConfig } from "./saved-config";

/** The built-in presets, mapped onto the models this server can reach now. */
export async function builtInConfigs(): Promise<ConfigEntry[]> {
  const { models } = await listModels();
  return PRESETS.map((preset) => {
    const built = buildPreset(preset.id, models);
    return {
      slug: preset.id,
      name: preset.name,
      builtIn: true,
      description: preset.description,
      config: built.config,
      settings: { preset: preset.id },
      substitutions: built.substitutions,
    };
  });
}

export function savedEntry(saved: SavedConfig): ConfigEntry {
  return {
    slug: saved.slug,
    name: saved.name,
    builtIn: false,
    config: saved.config,
    settings: saved.settings,
    createdAt: saved.createdAt.toISOString(),
    updatedAt: saved.updatedAt.toISOString(),
  };
}

/** Any configuration by slug: a preset, or anyone's saved board (slugs are global). */
export async function findConfig(slug: string): Promise<ConfigEntry> {
  if (PRESETS.some((p) => p.id === slug)) {
    const entry = (await builtInConfigs()).find((c) => c.slug === (slug as PresetId));
    if (entry) return entry;
  }
  const saved = await (await getConfigStore()).getBySlug(slug);
  if (!saved) throw new AppError("not_found:config", `No configuration has the slug "${slug}".`);
  return savedEntry(saved);
}

const MAX_LISTED_SAVED = 200;

/** Every configuration /api/v1 can run: the presets and the newest saved boards of anyone. */
export async function listAllConfigs(): Promise<ConfigEntry[]> {
  const [builtIns, saved] = await Promise.all([builtInConfigs(), getConfigStore().then((r) => r.listAll(MAX_LISTED_SAVED))]);
  return [...builtIns, ...saved.map(savedEntry)];
}
