import { OWNER_HEADER } from "@/lib/wire/owner";

/**
 * Owner identity in the browser: the secret that proves this browser started a run or saved a
 * board, kept in localStorage and sent in a header (never in a URL). The server side is
 * lib/security/owner.ts; a share link without the secret can watch a run, not change it.
 */

const OWNER_KEY = "moa-owner";

/** Where the secret is kept; tests pass a map, the page uses localStorage. */
type OwnerStorage = Pick<Storage, "getItem" | "setItem">;

const browserStorage = (): OwnerStorage | undefined => (typeof localStorage === "undefined" ? undefined : localStorage);

/** This browser's owner secret, or null before it ever ran or saved anything. */
export function readOwner(storage: OwnerStorage | undefined = browserStorage()): string | null {
  return storage?.getItem(OWNER_KEY) ?? null;
}

/** Keeps the secret the server made for this browser's first run. */
export function writeOwner(owner: string, storage: OwnerStorage | undefined = browserStorage()): void {
  storage?.setItem(OWNER_KEY, owner);
}

/**
 * The secret, made here when the browser has none yet: saving a board or running an experiment
 * before the first playground run must still file everything under one owner, or "my runs" and
 * /insights could never show it.
 */
export function ensureOwner(storage: OwnerStorage | undefined = browserStorage()): string {
  const existing = readOwner(storage);
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  writeOwner(secret, storage);
  return secret;
}

/** The header that proves ownership; none when there is no secret (the server then treats the caller as a viewer). */
export function ownerHeaders(owner: string | null | undefined): Record<string, string> {
  return owner ? { [OWNER_HEADER]: owner } : {};
}
