import "server-only";
import { and, desc, eq, like, or } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/db/client";
import { savedConfigs, type SavedConfigRow } from "@/lib/db/schema";
import { moaConfigSchema } from "@/lib/moa/config";
import { configSettingsSchema } from "@/lib/wire/configs";
import { slugCandidates, slugify } from "./slug";
import type { ConfigStore, NewSavedConfig, SavedConfig } from "./saved-config";

/** A slug race lost this many times in a row means something else is wrong. */
const MAX_INSERT_ATTEMPTS = 5;

function toSavedConfig(row: SavedConfigRow): SavedConfig {
  // Stored JSON goes back through the schemas: a row written by an older version must still be valid.
  return {
    slug: row.slug,
    name: row.name,
    config: moaConfigSchema.parse(row.config),
    settings: configSettingsSchema.parse(row.settings ?? {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function createDbConfigStore(db: Database): ConfigStore {
  async function takenSlugs(base: string): Promise<Set<string>> {
    const rows = await db
      .select({ slug: savedConfigs.slug })
      .from(savedConfigs)
      .where(or(eq(savedConfigs.slug, base), like(savedConfigs.slug, `${base}-%`)));
    return new Set(rows.map((r) => r.slug));
  }

  return {
    async list(ownerSecretHash) {
      const rows = await db
        .select()
        .from(savedConfigs)
        .where(eq(savedConfigs.ownerSecretHash, ownerSecretHash))
        .orderBy(desc(savedConfigs.createdAt));
      return rows.map(toSavedConfig);
    },
    async listAll(limit) {
      const rows = await db.select().from(savedConfigs).orderBy(desc(savedConfigs.createdAt)).limit(limit);
      return rows.map(toSavedConfig);
    },
    async create(input: NewSavedConfig) {
      // Two saves of the same name may race for a slug: the loser sees no row back and tries again.
      for (let attempt = 0; attempt < MAX_INSERT_ATTEMPTS; attempt++) {
        const taken = await takenSlugs(slugify(input.name));
        let slug = "";
        for (const candidate of slugCandidates(input.name)) {
          if (!taken.has(candidate)) {
            slug = candidate;
            break;
          }
        }
        const now = new Date();
        const inserted = await db
          .insert(savedConfigs)
          .values({ slug, ownerSecretHash: input.ownerSecretHash, name: input.name, config: input.config, settings: input.settings, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: savedConfigs.slug })
          .returning();
        if (inserted[0]) return toSavedConfig(inserted[0]);
      }
      throw new AppError("conflict:config_slug", "Could not find a free name for this configuration; try another name.");
    },
    async getBySlug(slug) {
      const [row] = await db.select().from(savedConfigs).where(eq(savedConfigs.slug, slug));
      return row ? toSavedConfig(row) : null;
    },
    async rename(ownerSecretHash, slug, name) {
      const [row] = await db
        .update(savedConfigs)
        .set({ name, updatedAt: new Date() })
        .where(and(eq(savedConfigs.slug, slug), eq(savedConfigs.ownerSecretHash, ownerSecretHash)))
        .returning();
      return row ? toSavedConfig(row) : null;
    },
    async remove(ownerSecretHash, slug) {
      const rows = await db
        .delete(savedConfigs)
        .where(and(eq(savedConfigs.slug, slug), eq(savedConfigs.ownerSecretHash, ownerSecretHash)))
        .returning({ slug: savedConfigs.slug });
      return rows.length > 0;
    },
  };
}
