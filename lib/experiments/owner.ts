import type { KeyValueStorage } from "./storage";

/** The key the playground keeps the browser's owner secret under. */
const OWNER_KEY = "moa-owner";

/**
 * This browser's owner secret, made (and kept where the playground keeps it) when the browser
 * has none yet: an experiment opened before any playground run must still file its runs and
 * verdicts under one owner, or /insights could never show them.
 */
export function ensureOwner(storage: KeyValueStorage | undefined = typeof localStorage === "undefined" ? undefined : localStorage): string | undefined {
  if (!storage) return undefined;
  const known = storage.getItem(OWNER_KEY);
  if (known) return known;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  storage.setItem(OWNER_KEY, secret);
  return secret;
}
