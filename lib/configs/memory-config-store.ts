import "server-only";
import { slugCandidates } from "./slug";
import type { ConfigStore, NewSavedConfig, SavedConfig } from "./saved-config";

type Entry = SavedConfig & { ownerSecretHash: string };

function publicView({ ownerSecretHash: _owner, ...config }: Entry): SavedConfig {
  return structuredClone(config);
}

/** Saved configurations in memory, for MOA_STORE=memory and tests; nothing survives a restart. */
export function createMemoryConfigStore(): ConfigStore {
  const bySlug = new Map<string, Entry>();

  return {
    async list(ownerSecretHash) {
      return [...bySlug.values()]
        .filter((entry) => entry.ownerSecretHash === ownerSecretHash)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(publicView);
    },
    async listAll(limit) {
      return [...bySlug.values()]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit)
        .map(publicView);
    },
    async create(input: NewSavedConfig) {
      let slug = "";
      for (const candidate of slugCandidates(input.name)) {
        if (!bySlug.has(candidate)) {
          slug = candidate;
          break;
        }
      }
      const now = new Date();
      const entry: Entry = { ...structuredClone(input), slug, createdAt: now, updatedAt: now };
      bySlug.set(slug, entry);
      return publicView(entry);
    },
    async getBySlug(slug) {
      const entry = bySlug.get(slug);
      return entry ? publicView(entry) : null;
    },
    async rename(ownerSecretHash, slug, name) {
      const entry = bySlug.get(slug);
      if (!entry || entry.ownerSecretHash !== ownerSecretHash) return null;
      entry.name = name;
      entry.updatedAt = new Date();
      return publicView(entry);
    },
    async remove(ownerSecretHash, slug) {
      const entry = bySlug.get(slug);
      if (!entry || entry.ownerSecretHash !== ownerSecretHash) return false;
      return bySlug.delete(slug);
    },
  };
}
