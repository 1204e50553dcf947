import type { ModelLookup } from "@/lib/analysis/cost";
import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { METHODS } from "@/lib/moa/methods/catalog";
import { configForMethod } from "@/lib/moa/methods/from-board";
import type { MethodKind } from "@/lib/moa/methods/schema";
import { moaAsGiven, moaLite, selfMoA, singleModel } from "@/lib/moa/variants";
import type { VariantSpec } from "./types";
import { plural } from "@/lib/plural";

const shortName = (model: string) => model.slice(model.indexOf(":") + 1).replace(/\?.*$/, "");

/**
 * The strongest proposer by what the catalog knows: most active parameters, else highest
 * output price, else the first. A proxy, since a real quality ranking needs a benchmark;
 * the label names the model so the choice is visible.
 */
export function strongestProposer(config: MoAConfig, lookup: ModelLookup): AgentConfig {
  const proposers = config.layers[0].agents;
  const score = (a: AgentConfig) => {
    const facts = lookup(a.model);
    return [facts?.activeParamsB ?? -1, facts?.pricePerMTokens?.output ?? -1] as const;
  };
  return proposers.reduce((best, a) => {
    const [p, c] = score(a);
    const [bp, bc] = score(best);
    return p > bp || (p === bp && c > bc) ? a : best;
  }, proposers[0]);
}

/**
 * The variants the paper compares, derived from the board: MoA as built, MoA-Lite, the
 * LLM-Ranker (same proposers, the final agent only picks), the final aggregator alone, the
 * strongest proposer alone, and Self-MoA on that proposer under the board's final aggregator. Variants that would equal another
 * (MoA-Lite of a two-layer board, a ranker without proposers) are left out.
 */
export function deriveVariants(config: MoAConfig, lookup: ModelLookup): VariantSpec[] {
  const layers = config.layers.length;
  const final = config.layers[layers - 1].agents[0];
  const best = strongestProposer(config, lookup);
  const out: VariantSpec[] = [{ id: "moa", label: `MoA (${plural(layers, "layer")})`, variant: "moa", config: moaAsGiven(config) }];
  if (layers > 2) out.push({ id: "moa-lite", label: "MoA-Lite (2 layers)", variant: "moa", config: moaLite(config) });
  if (layers >= 2) {
    out.push({ id: "ranker", label: `LLM-Ranker (${shortName(final.model)} picks)`, variant: "ranker", config: moaAsGiven(config) });
    out.push({ id: "aggregator", label: `Aggregator alone (${shortName(final.model)})`, variant: "moa", config: singleModel(final) });
  }
  out.push({ id: "best-proposer", label: `Best proposer alone (${shortName(best.model)})`, variant: "moa", config: singleModel(best) });
  const samples = Math.max(2, config.layers[0].agents.length);
  // The board's own final aggregator, so that against MoA only the proposers differ (diverse vs samples of one).
  const aggregator = layers >= 2 ? final : undefined;
  out.push({
    id: "self-moa",
    label: `Self-MoA (${samples}× ${shortName(best.model)}${aggregator ? ` → ${shortName(aggregator.model)}` : ""})`,
    variant: "moa",
    config: selfMoA({ proposer: best, samples, aggregator }),
  });
  return out;
}

/** Methods already among the paper's variants (MoA, Self-MoA, the LLM-Ranker). */
const PAPER_VARIANTS: ReadonlySet<MethodKind> = new Set(["moa", "self-moa", "ranker"]);

/**
 * The board under each method of the library that deriveVariants does not already cover, for
 * Compare and Experiments. A method the board cannot take (a one-layer board) is left out.
 */
export function methodVariants(config: MoAConfig, lookup: ModelLookup): VariantSpec[] {
  const best = strongestProposer(config, lookup);
  return METHODS.filter((m) => !PAPER_VARIANTS.has(m.kind)).flatMap((m) => {
    try {
      const shaped = configForMethod(m.kind, config, best);
      const shape = shaped.layers.map((l) => l.agents.length).join("→");
      return [{ id: m.kind, label: `${m.label} (${shape})`, variant: "moa" as const, config: shaped }];
    } catch {
      return [];
    }
  });
}
