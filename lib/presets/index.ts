import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import { METHODS } from "@/lib/moa/methods/catalog";
import { configForMethod } from "@/lib/moa/methods/from-board";
import type { MethodKind } from "@/lib/moa/methods/schema";
import { CANDIDATES, PAPER_PROPOSERS, SIM_AGGREGATOR, SIM_PROPOSERS, type PaperModel } from "./paper-models";

export type PresetId = "moa" | "moa-gpt-4o" | "moa-lite" | "single" | Exclude<MethodKind, "moa">;
export type AvailableModel = { id: string; available: boolean; simulated: boolean; provider: string };
export type Substitution = { wanted: string; used: string };
export type BuiltPreset = { config: MoAConfig; substitutions: Substitution[] };

/** `method`: the preset runs the paper's MoA board under that method (lib/moa/methods). */
export type PresetInfo = { id: PresetId; name: string; description: string; paperResult?: string; method?: MethodKind };

export const PRESETS: readonly PresetInfo[] = [
  {
    id: "moa",
    name: "MoA (paper)",
    description: "3 layers: 6 proposers, 6 aggregators, 1 final aggregator",
    paperResult: "65.1% LC win rate on AlpacaEval 2.0",
  },
  {
    id: "moa-gpt-4o",
    name: "MoA w/ GPT-4o",
    description: "The paper's MoA with GPT-4o as the final aggregator",
    paperResult: "65.7% LC win rate on AlpacaEval 2.0",
  },
  {
    id: "moa-lite",
    name: "MoA-Lite",
    description: "2 layers: 6 proposers and a final aggregator",
    paperResult: "59.3% LC win rate on AlpacaEval 2.0",
  },
  { id: "single", name: "Single model", description: "1 agent: the baseline to compare against" },
  // The method library: each on the paper's models, reachable as moa/<id> on /api/v1.
  ...METHODS.filter((m) => m.kind !== "moa").map((m) => ({
    id: m.kind as Exclude<MethodKind, "moa">,
    name: m.label,
    description: `${m.idea} (${m.citation})`,
    method: m.kind,
  })),
];

/**
 * What the paper's code sends with every call, proposers and aggregators alike
 * (togethercomputer/MoA: `temperature=0.7, max_tokens=2048`).
 */
export const PAPER_SAMPLING = { temperature: 0.7, maxTokens: 2048 } as const satisfies Pick<AgentConfig, "temperature" | "maxTokens">;

type Role = { kind: "proposer"; index: number } | { kind: "aggregator" };

/**
 * Maps each paper model to the nearest model this server can reach. For proposers an unused
 * candidate wins over a repeated one, because the paper found diverse proposers beat repeated ones.
 */
function makeResolver(available: AvailableModel[]) {
  const real = available.filter((m) => m.available && !m.simulated).map((m) => m.id);
  const reachable = new Set(real);
  const used = new Set<string>();
  const substitutions: Substitution[] = [];

  function resolve(wanted: PaperModel, role: Role): string {
    const candidates = CANDIDATES[wanted].filter((id) => reachable.has(id));
    const preferUnused = role.kind === "proposer";
    const pick =
      (preferUnused ? candidates.find((id) => !used.has(id)) : undefined) ??
      candidates[0] ??
      real.find((id) => !used.has(id)) ??
      real[0] ??
      (role.kind === "aggregator" ? SIM_AGGREGATOR : SIM_PROPOSERS[role.index % SIM_PROPOSERS.length]);
    used.add(pick);
    if (!substitutions.some((s) => s.wanted === wanted && s.used === pick)) substitutions.push({ wanted, used: pick });
    return pick;
  }

  return { resolve, substitutions };
}

export function buildPreset(id: PresetId, available: AvailableModel[]): BuiltPreset {
  const method = PRESETS.find((p) => p.id === id)?.method;
  if (method) {
    // The paper's board under the method; its first proposer stands in for the paper's strongest model.
    const paper = buildPreset("moa", available);
    return { ...paper, config: configForMethod(method, paper.config, paper.config.layers[0].agents[0]) };
  }
  const { resolve, substitutions } = makeResolver(available);
  const agent = (model: string): AgentConfig => ({ model, ...PAPER_SAMPLING });
  const proposers = () => PAPER_PROPOSERS.map((wanted, index) => agent(resolve(wanted, { kind: "proposer", index })));

  let config: MoAConfig;
  if (id === "single") {
    config = { layers: [{ agents: [agent(resolve("Qwen1.5-110B-Chat", { kind: "aggregator" }))] }] };
  } else if (id === "moa-lite") {
    const layer1 = proposers();
    config = { layers: [{ agents: layer1 }, { agents: [agent(resolve("Qwen1.5-72B-Chat", { kind: "aggregator" }))] }] };
  } else {
    // The paper reuses the proposer line-up as layer-2 aggregators.
    const layer1 = proposers();
    const layer2 = layer1.map((proposer) => ({ ...proposer }));
    const finalModel: PaperModel = id === "moa-gpt-4o" ? "GPT-4o" : "Qwen1.5-110B-Chat";
    config = {
      layers: [{ agents: layer1 }, { agents: layer2 }, { agents: [agent(resolve(finalModel, { kind: "aggregator" }))] }],
    };
  }
  return { config, substitutions };
}
