import "server-only";
import { randomBytes } from "node:crypto";

/** 144 random bits, URL-safe: a share link cannot be guessed. */
export function newRunId(): string {
  return randomBytes(18).toString("base64url");
}

export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function isRunId(value: string): boolean {
  return RUN_ID_PATTERN.test(value);
}
