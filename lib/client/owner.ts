/**
 * Owner identity in the browser: the secret that proves this browser started a run or saved a
 * board, kept in localStorage and sent in a header (never in a URL). The server side is
 * lib/security/owner.ts; a share link without the secret can watch a run, not change it.
 */

export const OWNER_HEADER = "x-moa-owner";
const OWNER_KEY = "moa-owner";

/** This browser's owner secret, or null before it ever ran or saved anything. */
export function readOwner(): string | null {
  return typeof localStorage === "undefined" ? null : localStorage.getItem(OWNER_KEY);
}

/** Keeps the secret the server made for this browser's first run. */
export function writeOwner(owner: string): void {
  if (typeof localStorage !== "undefined") localStorage.setItem(OWNER_KEY, owner);
}

/** Saving needs an owner even before the first run; runs started later land in the same history. */
export function ensureOwner(): string {
  const existing = readOwner();
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  writeOwner(secret);
  return secret;
}

/** The header that proves ownership; none when there is no secret (the server then treats the caller as a viewer). */
export function ownerHeaders(owner: string | null | undefined): Record<string, string> {
  return owner ? { [OWNER_HEADER]: owner } : {};
}
