import { AppError } from "@/lib/errors";
import { moaConfigSchema, type AgentConfig, type MoAConfig } from "../config";
import { SELF_MOA_TEMPERATURE } from "../variants/variant-configs";
import { methodInfo } from "./catalog";
import { seqSteps, type MethodConfig, type MethodKind } from "./schema";

function validated(config: MoAConfig, label: string): MoAConfig {
  const parsed = moaConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError("bad_request:config", `${label}: ${parsed.error.issues[0]?.message ?? "invalid configuration"}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** Samples of one model: warm, so they differ (Self-MoA feeds on that). */
function samplesOf(proposer: AgentConfig, count: number): AgentConfig[] {
  return Array.from({ length: count }, () => ({ ...proposer, temperature: SELF_MOA_TEMPERATURE }));
}

/**
 * A board run as `kind`: the same models in the shape the method needs. Self-MoA and its Seq
 * variant sample `strongest` in every proposer slot; the Council keeps the proposers as members
 * and the final aggregator as chairman; the others run the board as built under their strategy.
 */
export function configForMethod(kind: MethodKind, board: MoAConfig, strongest: AgentConfig, method?: MethodConfig): MoAConfig {
  const info = methodInfo(kind);
  const chosen = method?.kind === kind ? method : info.defaults;
  const { method: _old, ...plain } = structuredClone(board);
  const layers = plain.layers;
  const final = layers[layers.length - 1].agents[0];
  const proposers = layers[0].agents;
  // A one-layer board has no aggregator: the strongest model aggregates its own samples at its default temperature.
  const { temperature: _t, ...ownDefaults } = strongest;
  const aggregator = layers.length >= 2 ? final : ownDefaults;
  switch (kind) {
    case "moa":
      return validated(plain, info.label);
    case "self-moa": {
      const samples = samplesOf(strongest, Math.max(2, proposers.length));
      return validated({ ...plain, layers: [{ agents: samples }, { agents: [aggregator] }], method: chosen }, info.label);
    }
    case "self-moa-seq": {
      const window = chosen.kind === "self-moa-seq" ? chosen.window : 3;
      const samples = samplesOf(strongest, Math.max(window + 1, proposers.length));
      const steps = Array.from({ length: seqSteps(samples.length, window) }, () => ({ agents: [{ ...aggregator }] }));
      return validated({ ...plain, layers: [{ agents: samples }, ...steps], method: chosen }, info.label);
    }
    case "council":
      if (layers.length < 2) throw new AppError("bad_request:config", "Council: the board needs members (layer 1) and a chairman (the last layer).");
      return validated({ ...plain, layers: [layers[0], layers[layers.length - 1]], method: chosen }, info.label);
    default:
      return validated({ ...plain, method: chosen }, info.label);
  }
}
