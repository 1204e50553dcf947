import { z } from "zod";

/**
 * Owner identity as it crosses the wire, shared by the browser (lib/client/owner.ts) and the
 * server (lib/security/owner.ts): the header that carries the secret and the shape it must have.
 */

export const OWNER_HEADER = "x-moa-owner";

/** The secret as a browser makes it (43 characters); longer ones are accepted for API callers. */
export const ownerSecretSchema = z.string().min(32, "the owner secret must be at least 32 characters").max(200);
