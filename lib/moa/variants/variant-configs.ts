import { moaConfigSchema, type AgentConfig, type MoAConfig } from "../config";
import { MoAConfigError } from "../errors";

/** Warm enough that repeated samples of one model differ, which is what Self-MoA feeds on. */
export const SELF_MOA_TEMPERATURE = 0.7;

function validated(config: MoAConfig, variant: string): MoAConfig {
  const parsed = moaConfigSchema.safeParse(config);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "invalid configuration";
    throw new MoAConfigError(`${variant}: ${message}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The configuration as the user built it (checked, copied so callers may change it). */
export function moaAsGiven(config: MoAConfig): MoAConfig {
  return validated(structuredClone(config), "MoA");
}

/**
 * MoA-Lite from the paper: the proposers and the final aggregator only, dropping the
 * intermediate layers. A configuration of one or two layers is already as light as it gets.
 */
export function moaLite(config: MoAConfig): MoAConfig {
  const layers = config.layers.length <= 2 ? config.layers : [config.layers[0], config.layers[config.layers.length - 1]];
  return validated(structuredClone({ layers }), "MoA-Lite");
}

export interface SelfMoAOptions {
  /** The one proposer model, sampled `samples` times. */
  proposer: AgentConfig;
  samples: number;
  /** Defaults to the proposer model itself at its own default temperature. */
  aggregator?: AgentConfig;
  temperature?: number;
}

/** Self-MoA (arXiv 2502.00674): n samples of one model, then one aggregator. */
export function selfMoA(options: SelfMoAOptions): MoAConfig {
  const temperature = options.temperature ?? SELF_MOA_TEMPERATURE;
  const proposer = { ...options.proposer, temperature };
  const { temperature: _ignored, ...proposerDefaults } = options.proposer;
  const aggregator = options.aggregator ?? proposerDefaults;
  const agents = Array.from({ length: options.samples }, () => ({ ...proposer }));
  return validated(structuredClone({ layers: [{ agents }, { agents: [aggregator] }] }), "Self-MoA");
}

/** One model answering alone: the baseline every variant is measured against. */
export function singleModel(agent: AgentConfig): MoAConfig {
  return validated(structuredClone({ layers: [{ agents: [agent] }] }), "Single model");
}

export const variantConfigs = { moa: moaAsGiven, moaLite, selfMoA, single: singleModel } as const;
