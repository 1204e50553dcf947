import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { OWNER_HEADER, ownerSecretSchema } from "@/lib/wire/owner";

/**
 * Owner identity on the server. A browser proves it made a run (or saved a board) with the
 * secret it keeps in localStorage; the server stores only the secret's hash. A share link (the
 * run id) lets anyone watch; changing a run takes the secret. The browser side is lib/client/owner.ts,
 * the header and the secret's shape are lib/wire/owner.ts.
 */

export function newOwnerSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOwnerSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The owner secret in `x-moa-owner`, undefined when the header is absent, a 400 when it is malformed. */
export function ownerSecretFrom(request: Request): string | undefined {
  const raw = request.headers.get(OWNER_HEADER)?.trim();
  if (!raw) return undefined;
  const parsed = ownerSecretSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:owner", `${OWNER_HEADER} must be the browser's owner secret (32 to 200 characters).`);
  return parsed.data;
}

/** For reads: a malformed secret only means "not the owner"; it must never break a share link. */
export function ownerSecretIfValid(request: Request): string | undefined {
  const parsed = ownerSecretSchema.safeParse(request.headers.get(OWNER_HEADER)?.trim());
  return parsed.success ? parsed.data : undefined;
}

/** The hash of the request's owner secret, or undefined when it carries none. */
export function ownerHashFrom(request: Request): string | undefined {
  const secret = ownerSecretFrom(request);
  return secret === undefined ? undefined : hashOwnerSecret(secret);
}

export function requireOwnerHash(request: Request): string {
  const hash = ownerHashFrom(request);
  if (!hash) throw new AppError("bad_request:owner", `Send the browser's owner secret in the ${OWNER_HEADER} header.`);
  return hash;
}

/** The one refusal for a caller who may read a run but not change it. */
export function notTheOwner(action: string): AppError {
  return new AppError(
    "forbidden:owner",
    `Only the browser that started this run can ${action} it; a share link can watch it, not change it. Send the owner secret in the ${OWNER_HEADER} header.`,
  );
}
