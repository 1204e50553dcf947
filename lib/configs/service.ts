import "server-only";
import { AppError } from "@/lib/errors";
import type { MoAConfig } from "@/lib/moa/config";
import type { ConfigEntry, ConfigSettings } from "@/lib/wire/configs";
import { builtInConfigs, savedEntry } from "./catalog";
import { getConfigStore } from "./store";
import { RESERVED_SLUGS } from "./slug";

/** Built-ins first, then this owner's saved boards (none without an owner). */
export async function listOwnerConfigs(ownerSecretHash: string | undefined): Promise<ConfigEntry[]> {
  const builtIns = await builtInConfigs();
  if (!ownerSecretHash) return builtIns;
  const saved = await (await getConfigStore()).list(ownerSecretHash);
  return [...builtIns, ...saved.map(savedEntry)];
}

export async function saveConfig(
  ownerSecretHash: string,
  input: { name: string; config: MoAConfig; settings?: ConfigSettings },
): Promise<ConfigEntry> {
  const store = await getConfigStore();
  const saved = await store.create({ ownerSecretHash, name: input.name, config: input.config, settings: input.settings ?? {} });
  return savedEntry(saved);
}

function notYours(slug: string): AppError {
  if (RESERVED_SLUGS.has(slug)) return new AppError("conflict:builtin_config", `"${slug}" is a built-in preset; it cannot be renamed or deleted.`);
  // Someone else's slug reads the same as a missing one: ownership is not disclosed.
  return new AppError("not_found:config", `You have no saved configuration "${slug}".`);
}

/** Renames it; the slug stays, so links and API clients that use it keep working. */
export async function renameConfig(ownerSecretHash: string, slug: string, name: string): Promise<ConfigEntry> {
  const renamed = await (await getConfigStore()).rename(ownerSecretHash, slug, name);
  if (!renamed) throw notYours(slug);
  return savedEntry(renamed);
}

export async function deleteConfig(ownerSecretHash: string, slug: string): Promise<void> {
  if (!(await (await getConfigStore()).remove(ownerSecretHash, slug))) throw notYours(slug);
}
