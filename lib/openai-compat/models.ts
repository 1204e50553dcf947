import "server-only";
import { findConfig, listAllConfigs } from "@/lib/configs/catalog";
import type { ConfigEntry } from "@/lib/wire/configs";
import { MODEL_PREFIX, slugFromModel } from "./request-schema";

/** A configuration as an OpenAI model object; `moa` describes the board behind it. */
function toModel(entry: ConfigEntry, fallbackCreated: number) {
  const created = entry.createdAt ? Math.floor(Date.parse(entry.createdAt) / 1000) : fallbackCreated;
  return {
    id: `${MODEL_PREFIX}${entry.slug}`,
    object: "model" as const,
    created,
    owned_by: entry.builtIn ? "moa-playground" : "user",
    moa: {
      name: entry.name,
      built_in: entry.builtIn,
      ...(entry.description && { description: entry.description }),
      layers: entry.config.layers.map((layer) => layer.agents.map((agent) => agent.model)),
    },
  };
}

/** `GET /api/v1/models`: the presets and the saved configurations, in OpenAI's list format. */
export async function listV1Models() {
  const now = Math.floor(Date.now() / 1000);
  const entries = await listAllConfigs();
  return { object: "list" as const, data: entries.map((entry) => toModel(entry, now)) };
}

/** `GET /api/v1/models/moa/<slug>`: one model, or a not_found:config error (404 model_not_found). */
export async function retrieveV1Model(model: string) {
  return toModel(await findConfig(slugFromModel(model)), Math.floor(Date.now() / 1000));
}
