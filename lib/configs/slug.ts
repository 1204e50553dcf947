import "server-only";
import { PRESETS } from "@/lib/presets";

/** Built-in presets own these slugs; a saved configuration never takes one. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(PRESETS.map((preset) => preset.id));

export const MAX_SLUG_CHARS = 60;

/** `My Best Board!` → `my-best-board`; names without a usable letter become `config`. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/g, "");
  return slug || "config";
}

/** Slugs to try for a name, in order: `board`, `board-2`, `board-3`, … (reserved ones skipped). */
export function* slugCandidates(name: string): Generator<string> {
  const base = slugify(name);
  if (!RESERVED_SLUGS.has(base)) yield base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    yield base.slice(0, MAX_SLUG_CHARS - suffix.length).replace(/-+$/g, "") + suffix;
  }
}
