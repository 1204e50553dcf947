import { z } from "zod";
import { AppError } from "@/lib/errors";
import { hashOwnerSecret } from "@/lib/runs/ids";

export const OWNER_HEADER = "x-moa-owner";

// The same secret the browser sends with its runs (see lib/runs/run-request.ts).
const ownerSecretSchema = z.string().min(32).max(200);

/** The owner secret from `x-moa-owner`, or undefined when the header is absent. */
export function ownerSecretFrom(request: Request): string | undefined {
  const raw = request.headers.get(OWNER_HEADER)?.trim();
  if (!raw) return undefined;
  const parsed = ownerSecretSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request:owner", `${OWNER_HEADER} must be the browser's owner secret (32 to 200 characters).`);
  return parsed.data;
}

/** The hash stored beside saved configurations; never the secret itself. */
export function ownerHashFrom(request: Request): string | undefined {
  const secret = ownerSecretFrom(request);
  return secret === undefined ? undefined : hashOwnerSecret(secret);
}

export function requireOwnerHash(request: Request): string {
  const hash = ownerHashFrom(request);
  if (!hash) throw new AppError("bad_request:owner", `Send the browser's owner secret in the ${OWNER_HEADER} header.`);
  return hash;
}
