import { z } from "zod";
import { moaConfigSchema, type MoAConfig } from "@/lib/moa/config";
import type { Substitution } from "@/lib/presets";

/** Saved boards as they cross the wire: `GET/POST /api/configs` and `PATCH /api/configs/{slug}`. */

export const MAX_CONFIG_NAME_CHARS = 80;

const configNameSchema = z
  .string()
  .trim()
  .min(1, "the name is empty")
  .max(MAX_CONFIG_NAME_CHARS, `the name is longer than ${MAX_CONFIG_NAME_CHARS} characters`);

/**
 * Board settings saved beside the config. Unknown fields are dropped rather than stored, so
 * nothing a client sends here (a pasted key, say) can end up in the database.
 */
export const configSettingsSchema = z.object({
  preset: z.string().max(80).optional(),
});

export type ConfigSettings = z.infer<typeof configSettingsSchema>;

/** Body of `POST /api/configs`. */
export const createConfigSchema = z.object({
  name: configNameSchema,
  config: moaConfigSchema,
  settings: configSettingsSchema.optional(),
});

/** Body of `PATCH /api/configs/{slug}`. */
export const renameConfigSchema = z.object({ name: configNameSchema });

/** One entry of the configurations menu: a built-in preset or a saved board. */
export interface ConfigEntry {
  slug: string;
  name: string;
  builtIn: boolean;
  config: MoAConfig;
  description?: string;
  settings?: ConfigSettings;
  /** Built-ins only: which paper models were replaced by reachable ones. */
  substitutions?: Substitution[];
  createdAt?: string;
  updatedAt?: string;
}
