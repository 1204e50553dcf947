import type { ModelLookup } from "@/lib/analysis/cost";
import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { SELF_MOA_TEMPERATURE } from "@/lib/moa/variants";
import { BUILTIN_PROMPTS } from "./builtin-prompts";
import type { Comparison, ExperimentPlan, ExperimentPrompt, VariantSpec } from "./types";
import { strongestProposer } from "./variants";
import { plural } from "@/lib/plural";

/** The paper's setup, offline: six diverse simulated proposers and owl, the simulated strong aggregator. */
export const SIM_PROPOSERS = ["sim:orca", "sim:otter", "sim:heron", "sim:lynx", "sim:badger", "sim:falcon"] as const;
export const SIM_AGGREGATOR = "sim:owl";
/** The final aggregator of direction d's other arm: a strong proposer. */
export const SIM_OTHER_AGGREGATOR = "sim:orca";

/** The paper repo's sampling settings. */
export const PAPER_TEMPERATURE = 0.7;
export const PAPER_MAX_TOKENS = 2048;

export interface PaperModels {
  /** Layer-1 proposers, strongest first: n = 1, 2, 3 take the first ones. Six in the paper. */
  proposers: string[];
  /** The final aggregator of every MoA variant. */
  aggregator: string;
  /** Direction d's other final aggregator, over the same proposers. */
  otherAggregator: string;
}

export const SIM_PAPER_MODELS: PaperModels = { proposers: [...SIM_PROPOSERS], aggregator: SIM_AGGREGATOR, otherAggregator: SIM_OTHER_AGGREGATOR };

const shortName = (model: string) => model.slice(model.indexOf(":") + 1).replace(/\?.*$/, "");
const agent = (model: string): AgentConfig => ({ model, temperature: PAPER_TEMPERATURE, maxTokens: PAPER_MAX_TOKENS });
const layersOf = (...rows: AgentConfig[][]): MoAConfig => ({ layers: rows.map((agents) => ({ agents })) });

/**
 * The paper's directions as one experiment of head-to-head comparisons, every variant fixed and
 * explicit. Each ablation changes one thing and keeps the final aggregator the same (Self-MoA
 * here samples the best proposer six times under the SAME aggregator, unlike `selfMoA`'s default).
 */
export function paperDirectionsPlan(options: {
  models?: PaperModels;
  judge: string;
  prompts?: readonly ExperimentPrompt[];
  lookup: ModelLookup;
  now?: Date;
}): ExperimentPlan {
  const { proposers, aggregator, otherAggregator } = options.models ?? SIM_PAPER_MODELS;
  if (proposers.length < 2) throw new Error("the paper directions need at least two proposers");
  const diverse = proposers.map(agent);
  const final = [agent(aggregator)];
  const agg = shortName(aggregator);
  const best = strongestProposer(layersOf(diverse, final), options.lookup);
  const bestName = shortName(best.model);
  const n = diverse.length;
  const upTo = (k: number) => diverse.slice(0, k);
  const sizes = [1, 2, 3].filter((k) => k < n);

  const moa = (id: string, label: string, config: MoAConfig, variant: VariantSpec["variant"] = "moa"): VariantSpec => ({ id, label, variant, config });
  const variants: VariantSpec[] = [
    moa("best-alone", `${bestName} alone (best proposer)`, layersOf([best])),
    moa("layers-1", `${agg} alone (1 layer)`, layersOf(final)),
    ...sizes.map((k) => moa(`n-${k}`, `${plural(k, "proposer")} → ${agg}`, layersOf(upTo(k), final))),
    moa("layers-2", `${n} diverse → ${agg} (2 layers)`, layersOf(diverse, final)),
    moa("self", `${n}× ${bestName} (T ${PAPER_TEMPERATURE}) → ${agg}`, layersOf(Array.from({ length: n }, () => ({ ...best, temperature: SELF_MOA_TEMPERATURE })), final)),
    moa("other-final", `${n} diverse → ${shortName(otherAggregator)}`, layersOf(diverse, [agent(otherAggregator)])),
    moa("layers-3", `MoA 3 layers (${agg})`, layersOf(diverse, diverse, final)),
    moa("layers-4", `MoA 4 layers (${agg})`, layersOf(diverse, diverse, diverse, final)),
    // Figure 4a compares at every depth: on the proposers' answers (2 layers) and on the refined ones (3 layers).
    moa("ranker-2", `LLM-Ranker (${agg} picks, 2 layers)`, layersOf(diverse, final), "ranker"),
    moa("ranker", `LLM-Ranker (${agg} picks, 3 layers)`, layersOf(diverse, diverse, final), "ranker"),
  ];
  const vs = (id: string, label: string, a: string, b: string, claim: string): Comparison => ({ id, label, a, b, claim });
  const comparisons: Comparison[] = [
    vs("a", "a. MoA vs its best proposer alone", "layers-3", "best-alone", "MoA beats every model in it (Table 2)"),
    ...sizes
      .filter((k) => k > 1)
      .map((k) => vs(`b-${k}`, `b. ${k} vs 1 proposer, same aggregator`, `n-${k}`, "n-1", "more proposers help (Table 3)")),
    vs(`b-${n}`, `b. ${n} vs 1 proposer, same aggregator`, "layers-2", "n-1", "more proposers help (Table 3)"),
    vs("c", `c. ${n} diverse vs ${n} samples of ${bestName}, same aggregator`, "layers-2", "self", "diverse proposers beat samples of one model (Table 3)"),
    vs("d", `d. ${agg} vs ${shortName(otherAggregator)} as final aggregator`, "layers-2", "other-final", "some models aggregate better than others (Table 4)"),
    vs("e-2", "e. 2 layers vs 1", "layers-2", "layers-1", "layers help (Figure 4a)"),
    vs("e-3", "e. 3 layers vs 2", "layers-3", "layers-2", "layers help (Figure 4a)"),
    vs("e-4", "e. 4 layers vs 3", "layers-4", "layers-3", "the gain saturates"),
    vs("f-2", "f. MoA vs LLM-Ranker, 2 layers", "layers-2", "ranker-2", "synthesis beats selection (Figure 4a)"),
    vs("f", "f. MoA vs LLM-Ranker, 3 layers", "layers-3", "ranker", "synthesis beats selection (Figure 4a)"),
  ];
  const now = options.now ?? new Date();
  return {
    id: `paper-${now.getTime().toString(36)}`,
    name: "Paper directions",
    createdAt: now.toISOString(),
    prompts: [...(options.prompts ?? BUILTIN_PROMPTS)],
    variants,
    comparisons,
    // g: ρ per layer (layer 2 and the final of 3 layers) and per aggregator (owl and the other, on the same proposers).
    received: ["layers-3", "layers-2", "other-final"],
    judge: options.judge,
  };
}

/** The board's proposers (first layer, at most six) and final aggregator, for the same suite on models you can reach. */
export function paperModelsFromBoard(config: MoAConfig, lookup: ModelLookup): PaperModels | undefined {
  const proposers = config.layers[0].agents.map((a) => a.model).slice(0, 6);
  if (config.layers.length < 2 || proposers.length < 2) return undefined;
  const aggregator = config.layers[config.layers.length - 1].agents[0].model;
  const best = strongestProposer(config, lookup).model;
  // Strongest first, so that "1 proposer" is the best one.
  const ordered = [best, ...proposers.filter((m, i) => m !== best || proposers.indexOf(m) !== i)].slice(0, proposers.length);
  return { proposers: ordered, aggregator, otherAggregator: best === aggregator ? proposers.find((m) => m !== aggregator) ?? best : best };
}
