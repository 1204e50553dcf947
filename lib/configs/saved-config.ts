import { z } from "zod";
import { moaConfigSchema, type MoAConfig } from "@/lib/moa/config";

export const MAX_CONFIG_NAME_CHARS = 80;

export const configNameSchema = z
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

export interface SavedConfig {
  slug: string;
  name: string;
  config: MoAConfig;
  settings: ConfigSettings;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSavedConfig {
  ownerSecretHash: string;
  name: string;
  config: MoAConfig;
  settings: ConfigSettings;
}

/** Storage seam for saved configurations: the database, or memory when MOA_STORE=memory. */
export interface ConfigStore {
  /** This owner's configurations, newest first. */
  list(ownerSecretHash: string): Promise<SavedConfig[]>;
  /** Everyone's, newest first: /api/v1/models lists them, since slugs are global anyway. */
  listAll(limit: number): Promise<SavedConfig[]>;
  /** Stores it under a fresh slug made from the name. */
  create(input: NewSavedConfig): Promise<SavedConfig>;
  /** Any owner's configuration: /api/v1 addresses them by slug alone. */
  getBySlug(slug: string): Promise<SavedConfig | null>;
  /** Null when the slug does not exist or belongs to another owner. The slug stays the same. */
  rename(ownerSecretHash: string, slug: string, name: string): Promise<SavedConfig | null>;
  /** False when the slug does not exist or belongs to another owner. */
  remove(ownerSecretHash: string, slug: string): Promise<boolean>;
}
