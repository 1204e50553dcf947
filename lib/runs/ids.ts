import { createHash, randomBytes } from "node:crypto";

/** 144 random bits, URL-safe: a share link cannot be guessed. */
export function newRunId(): string {
  return randomBytes(18).toString("base64url");
}

export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isRunId(value: string): boolean {
  return RUN_ID_PATTERN.test(value);
}

/** The browser keeps this secret; the server only ever sees it to hash it. */
export function newOwnerSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOwnerSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
