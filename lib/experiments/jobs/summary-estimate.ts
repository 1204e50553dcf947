import "server-only";
import { lookupModel } from "@/lib/providers/catalog";
import { processGlobal } from "@/lib/process-global";
import { estimateExperimentCost } from "../cost-estimate";
import type { ExperimentPlan } from "../types";
import type { SummaryEstimate } from "./view";

const MAX_CACHED = 50;
/** A stored plan never changes: its estimate is worked out once per process, not on every poll. */
const estimates = processGlobal("experimentEstimates", () => new Map<string, SummaryEstimate>());

/** The same estimate the page showed before launch, from the stored plan and this server's catalog. */
export function summaryEstimate(id: string, plan: ExperimentPlan): SummaryEstimate {
  const known = estimates.get(id);
  if (known) return known;
  const { total, unpricedModels, simulatedOnly } = estimateExperimentCost(plan, lookupModel);
  const estimate = { usd: total.usd, ceilingUsd: total.ceilingUsd, tokens: total.inputTokens + total.outputTokens, unpricedModels, simulatedOnly };
  if (estimates.size >= MAX_CACHED) estimates.delete(estimates.keys().next().value!);
  estimates.set(id, estimate);
  return estimate;
}
