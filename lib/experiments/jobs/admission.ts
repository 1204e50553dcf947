import "server-only";
import { AppError } from "@/lib/errors";
import { singleModel } from "@/lib/moa/variants";
import { RateLimitedError } from "@/lib/runs/admission";
import { assertMayUseServerKeys } from "@/lib/security/access";
import { clientIdFrom } from "@/lib/security/client-id";
import { allowPrivateByDefault, assertPublicEndpoint } from "@/lib/security/endpoint-guard";
import { getRateLimiter } from "@/lib/security/rate-limiter";
import type { RunKeys } from "@/lib/wire/keys";
import type { ExperimentSpec } from "./spec";

/**
 * Whether these keys may drive the job's models: a model they do not cover spends the server's
 * keys and needs the access token where one is set, and a pasted endpoint must be public, as for
 * a run. Checked at the start and again on every resume, since the keys sent then replace these.
 */
export async function assertJobKeys(request: Request, spec: ExperimentSpec, keys: RunKeys = {}): Promise<void> {
  for (const variant of spec.plan.variants) assertMayUseServerKeys(request, variant.config, keys);
  assertMayUseServerKeys(request, singleModel({ model: spec.plan.judge }), keys);
  if (keys.compatBaseUrl) await assertPublicEndpoint(keys.compatBaseUrl, { allowPrivate: allowPrivateByDefault() });
}

/**
 * Whether this request may start a job: the keys check above; the start counts as one run
 * against the client's rate limit. The job's own pace is then set per provider
 * (provider-limits.ts), not per client.
 */
export async function admitExperiment(request: Request, spec: ExperimentSpec, keys?: RunKeys): Promise<void> {
  if (process.env.MOA_STORE === "memory") {
    throw new AppError("conflict:no_database", "Experiment jobs need the database; this server keeps runs in memory (MOA_STORE=memory).");
  }
  await assertJobKeys(request, spec, keys);
  const taken = await getRateLimiter().take(clientIdFrom(request));
  if (!taken.ok) throw new RateLimitedError(taken.message, taken.retryAfterS);
}
