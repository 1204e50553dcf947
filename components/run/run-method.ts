import type { MoAConfig } from "@/lib/moa/config";

/** How the board runs from the playground: as built, or as one of the paper's baselines. */
export type RunMethod = "moa" | "self-moa" | "ranker";

export const RUN_METHODS: { id: RunMethod; label: string; hint: string }[] = [
  { id: "moa", label: "MoA", hint: "The board as built: every layer writes a new answer." },
  { id: "self-moa", label: "Self-MoA", hint: "The strongest proposer sampled once per proposer slot, then aggregated." },
  { id: "ranker", label: "LLM-Ranker", hint: "The same proposers; the final agent only picks the best answer." },
];

export interface MethodRun {
  config: MoAConfig;
  variant?: "ranker";
}

/**
 * The config and server variant a method runs. The variants module and the catalog load only
 * when a baseline is chosen, so the page does not pay for them on first load.
 */
export async function configForMethod(method: RunMethod, board: MoAConfig): Promise<MethodRun> {
  if (method === "moa") return { config: board };
  const [{ deriveVariants }, { lookupModel }] = await Promise.all([import("@/lib/experiments/variants"), import("@/lib/providers/catalog")]);
  const variant = deriveVariants(board, lookupModel).find((v) => v.id === method);
  if (!variant) throw new Error(method === "ranker" ? "The LLM-Ranker needs at least two layers." : "This board has no Self-MoA variant.");
  return variant.variant === "ranker" ? { config: variant.config, variant: "ranker" } : { config: variant.config };
}
