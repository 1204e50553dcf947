import "server-only";
import { AppError } from "@/lib/errors";
import { singleModel } from "@/lib/moa/variants";
import { RateLimitedError } from "@/lib/runs/admission";
import { assertMayUseServerKeys } from "@/lib/security/access";
import { clientIdFrom } from "@/lib/security/client-id";
import { getRateLimiter } from "@/lib/security/rate-limiter";
import type { ExperimentSpec } from "./spec";

/**
 * Whether this request may start a job: it runs on the server's keys only (pasted keys are never
 * stored, and a job outlives the request), so every model needs the access token where one is
 * set; the start counts as one run against the client's rate limit. The job's own pace is then
 * set per provider (provider-limits.ts), not per client.
 */
export async function admitExperiment(request: Request, spec: ExperimentSpec): Promise<void> {
  if (process.env.MOA_STORE === "memory") {
    throw new AppError("conflict:no_database", "Experiment jobs need the database; this server keeps runs in memory (MOA_STORE=memory).");
  }
  for (const variant of spec.plan.variants) assertMayUseServerKeys(request, variant.config, {});
  assertMayUseServerKeys(request, singleModel({ model: spec.plan.judge }), {});
  const taken = await getRateLimiter().take(clientIdFrom(request));
  if (!taken.ok) throw new RateLimitedError(taken.message, taken.retryAfterS);
}
