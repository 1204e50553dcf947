import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { SELF_MOA_TEMPERATURE } from "@/lib/moa/variants";
import { BUILTIN_PROMPTS } from "./builtin-prompts";
import { PAPER_MAX_TOKENS, PAPER_TEMPERATURE, SIM_PAPER_MODELS, type PaperModels } from "./paper-directions";
import type { ExperimentPlan, ExperimentPrompt, VariantSpec } from "./types";

/**
 * One-click ablation grids: each grid is one experiment whose variants change ONE factor
 * against a fixed reference (the first proposer alone, as AlpacaEval fixes GPT-4 Turbo), with
 * the paper's number beside each row. The paper reports LC win rates on AlpacaEval 2.0 against
 * GPT-4 Turbo; ours are win rates against the grid's reference on the chosen prompts, so the
 * columns compare directions, not levels.
 */
export type GridId = "proposers" | "aggregators" | "ranker" | "depth";

export interface GridRow {
  variantId: string;
  /** The paper's figure for this row, as printed ("61.3%"), or its direction when it gives only a plot. */
  paper?: string;
}

export interface AblationGrid {
  id: GridId;
  title: string;
  source: string;
  plan: ExperimentPlan;
  rows: GridRow[];
}

export const GRID_IDS: GridId[] = ["proposers", "aggregators", "ranker", "depth"];
export const GRID_TITLES: Record<GridId, { title: string; source: string }> = {
  proposers: { title: "Number of proposers, multiple vs single, same aggregator", source: "Table 3" },
  aggregators: { title: "Each model as aggregator over the same proposers", source: "Table 4" },
  ranker: { title: "MoA vs LLM-Ranker per layer", source: "Figure 4a" },
  depth: { title: "Depth: 1 to 4 layers", source: "Figure 4a / Table 2" },
};

/** Table 3 (2 layers, Qwen1.5-110B-Chat aggregating), LC win %, by n. */
const TABLE_3 = { multiple: { 1: "47.8%", 2: "58.8%", 3: "58.0%", 6: "61.3%" }, single: { 1: "47.8%", 2: "54.5%", 3: "56.1%", 6: "56.7%" } } as const;
/** Table 4, "as aggregator" column (2 layers, the six proposers). */
const TABLE_4: Array<[RegExp, string]> = [
  [/qwen1\.5-110b/i, "61.3%"],
  [/wizardlm-2?-?8x22b/i, "52.9%"],
  [/llama-3-70b/i, "45.0%"],
];

const short = (model: string) => model.slice(model.indexOf(":") + 1).replace(/\?.*$/, "");
const agent = (model: string): AgentConfig => ({ model, temperature: PAPER_TEMPERATURE, maxTokens: PAPER_MAX_TOKENS });
const layersOf = (...rows: AgentConfig[][]): MoAConfig => ({ layers: rows.map((agents) => ({ agents })) });
const variant = (id: string, label: string, config: MoAConfig, kind: VariantSpec["variant"] = "moa"): VariantSpec => ({ id, label, variant: kind, config });

function gridVariants(id: GridId, models: PaperModels): VariantSpec[] {
  const diverse = models.proposers.map(agent);
  const final = [agent(models.aggregator)];
  const agg = short(models.aggregator);
  const first = diverse[0];
  switch (id) {
    case "proposers": {
      const sizes = [1, 2, 3, 6].filter((n) => n <= diverse.length);
      return sizes.flatMap((n) => {
        const multiple = variant(`multi-${n}`, `${n} diverse → ${agg}`, layersOf(diverse.slice(0, n), final));
        if (n === 1) return [multiple];
        // Same n, same aggregator, same depth: only the proposers' diversity changes.
        const samples = Array.from({ length: n }, () => ({ ...first, temperature: SELF_MOA_TEMPERATURE }));
        return [multiple, variant(`single-${n}`, `${n}× ${short(first.model)} → ${agg}`, layersOf(samples, final))];
      });
    }
    case "aggregators": {
      const candidates = [...new Set([models.aggregator, ...models.proposers])];
      return candidates.map((m) => variant(`agg-${short(m)}`, `${diverse.length} proposers → ${short(m)}`, layersOf(diverse, [agent(m)])));
    }
    case "ranker":
      return [2, 3].flatMap((l) => {
        const config = layersOf(...Array.from({ length: l - 1 }, () => diverse), final);
        return [variant(`moa-${l}`, `MoA, ${l} layers (${agg})`, config), variant(`ranker-${l}`, `LLM-Ranker, ${l} layers (${agg} picks)`, config, "ranker")];
      });
    case "depth":
      return [1, 2, 3, 4].map((l) =>
        variant(`depth-${l}`, l === 1 ? `${agg} alone (1 layer)` : `MoA, ${l} layers (${agg})`, layersOf(...Array.from({ length: l - 1 }, () => diverse), final)),
      );
  }
}

/** The paper's figure for a grid's row, from the variant alone (so a stored experiment gets its column back). */
export function paperFigure(id: GridId, v: VariantSpec): string | undefined {
  const n = Number(/-(\d+)$/.exec(v.id)?.[1]);
  switch (id) {
    case "proposers":
      return v.id.startsWith("multi-") ? TABLE_3.multiple[n as 1 | 2 | 3 | 6] : TABLE_3.single[n as 1 | 2 | 3 | 6];
    case "aggregators": {
      const model = v.config.layers.at(-1)?.agents[0]?.model ?? "";
      return TABLE_4.find(([pattern]) => pattern.test(model))?.[1];
    }
    case "ranker":
      return v.variant === "ranker" ? "below MoA at every layer" : "above the ranker at every layer";
    case "depth":
      return n === 2 ? "rises with depth" : n === 3 ? "65.1% (MoA, Table 2)" : n === 4 ? "gain saturates" : undefined;
  }
}

const rowsOf = (id: GridId, plan: ExperimentPlan): GridRow[] =>
  plan.variants.filter((v) => v.id !== "reference").map((v) => {
    const paper = paperFigure(id, v);
    return { variantId: v.id, ...(paper && { paper }) };
  });

const nameOf = (id: GridId) => `Ablation: ${GRID_TITLES[id].title} (${GRID_TITLES[id].source})`;

/** The experiment and paper column of one grid, every variant against the first proposer alone. */
export function ablationGrid(id: GridId, options: { judge: string; models?: PaperModels; prompts?: readonly ExperimentPrompt[]; now?: Date }): AblationGrid {
  const models = options.models ?? SIM_PAPER_MODELS;
  const reference = variant("reference", `${short(models.proposers[0])} alone (reference)`, layersOf([agent(models.proposers[0])]));
  const now = options.now ?? new Date();
  const plan: ExperimentPlan = {
    id: `grid-${id}-${now.getTime().toString(36)}`,
    name: nameOf(id),
    createdAt: now.toISOString(),
    prompts: [...(options.prompts ?? BUILTIN_PROMPTS)],
    variants: [...gridVariants(id, models), reference],
    reference: "reference",
    judge: options.judge,
  };
  return { id, ...GRID_TITLES[id], plan, rows: rowsOf(id, plan) };
}

/** The grid a stored experiment was launched as (its name says so; the server assigns ids), with the paper's column. */
export function gridOfPlan(plan: ExperimentPlan): AblationGrid | undefined {
  const id = GRID_IDS.find((g) => plan.name === nameOf(g));
  return id && { id, ...GRID_TITLES[id], plan, rows: rowsOf(id, plan) };
}
