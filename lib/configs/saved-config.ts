import "server-only";
import type { MoAConfig } from "@/lib/moa/config";
import type { ConfigSettings } from "@/lib/wire/configs";

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
