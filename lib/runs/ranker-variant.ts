import "server-only";
import { AppError } from "@/lib/errors";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunRequest } from "@/lib/wire/run-request";

/**
 * The configuration a request runs. The older `variant: "ranker"` (Compare's and Experiments'
 * LLM-Ranker column) is the `ranker` method (lib/moa/methods/ranker.ts), so the LLM-Ranker has
 * one implementation; the run is stored with the method, so its replay names what it did.
 */
export function configOfRequest(request: Pick<RunRequest, "config" | "variant">): MoAConfig {
  const { config, variant } = request;
  if (variant !== "ranker") return config;
  if (config.layers.length < 2) {
    throw new AppError("bad_request:variant", "The LLM-Ranker needs at least two layers: answers to pick from and the ranker.");
  }
  if (config.method && config.method.kind !== "ranker") {
    throw new AppError("bad_request:variant", `The LLM-Ranker variant cannot also run the ${config.method.kind} method.`);
  }
  return { ...config, method: { kind: "ranker" } };
}
