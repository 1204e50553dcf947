import "server-only";
import { AppError } from "@/lib/errors";
import { assertMayUseServerKeys } from "@/lib/security/access";
import { clientIdFrom } from "@/lib/security/client-id";
import { allowPrivateByDefault, assertPublicEndpoint } from "@/lib/security/endpoint-guard";
import { getRateLimiter } from "@/lib/security/rate-limiter";
import type { RunRequest } from "@/lib/wire/run-request";

export class RateLimitedError extends AppError {
  readonly retryAfterS: number;
  constructor(message: string, retryAfterS: number) {
    super("rate_limited:runs", message);
    this.retryAfterS = retryAfterS;
  }
}

/**
 * Decides whether this request may start a run: server keys need the access token, a pasted
 * endpoint must be public, and the client must be within its rate and concurrency limits.
 * Returns the function that frees the client's concurrency slot when the run ends.
 */
export async function admitRun(request: Request, runRequest: RunRequest): Promise<() => void> {
  const keys = runRequest.keys ?? {};
  assertMayUseServerKeys(request, runRequest.config, keys);
  if (keys.compatBaseUrl) await assertPublicEndpoint(keys.compatBaseUrl, { allowPrivate: allowPrivateByDefault() });

  const limiter = getRateLimiter();
  const client = clientIdFrom(request);
  const taken = await limiter.take(client);
  if (!taken.ok) throw new RateLimitedError(taken.message, taken.retryAfterS);
  const slot = await limiter.acquireConcurrent(client);
  if (!slot.ok) throw new RateLimitedError(slot.message, slot.retryAfterS);
  return slot.release;
}
