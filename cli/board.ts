import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { moaConfigSchema, type AgentConfig, type MoAConfig } from "@/lib/moa/config";
import { buildPreset, PRESETS, type PresetId, type Substitution } from "@/lib/presets";
import type { ModelInfo } from "@/lib/wire/models";
import { parseOrThrow } from "@/lib/validation";
import type { CliOptions } from "./args";
import { CliError } from "./cli-error";

export const DEFAULT_PRESET: PresetId = "moa-lite";

export interface Board {
  config: MoAConfig;
  /** The preset it came from, if any. */
  preset?: PresetId;
  substitutions: Substitution[];
}

function isPreset(id: string): id is PresetId {
  return PRESETS.some((p) => p.id === id);
}

async function readConfigFile(file: string): Promise<MoAConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read --config ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`--config ${file} is not valid JSON`);
  }
  // A saved configuration (as /api/configs returns it) wraps the board in `config`.
  const board = json && typeof json === "object" && !("layers" in json) && "config" in json ? (json as { config: unknown }).config : json;
  return validate(board, `invalid config in ${file}`);
}

function validate(config: unknown, context: string): MoAConfig {
  try {
    return parseOrThrow(moaConfigSchema, config);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(`${context}: ${error.message}`);
    throw error;
  }
}

/** Applies --model, --proposers, --aggregator, --max-tokens and --temperature. */
export function applyOverrides(config: MoAConfig, options: Pick<CliOptions, "model" | "proposers" | "aggregator" | "maxTokens" | "temperature">): MoAConfig {
  let layers = config.layers.map((layer) => ({ ...layer, agents: layer.agents.map((agent) => ({ ...agent })) }));
  if (options.model) layers = layers.map((layer) => ({ ...layer, agents: layer.agents.map((agent) => ({ ...agent, model: options.model! })) }));
  if (options.proposers) {
    const proposers: AgentConfig[] = options.proposers.map((model) => ({ model }));
    const final = layers.at(-1)!;
    // A one-layer board grows a proposer layer; deeper boards keep their depth.
    const before =
      layers.length === 1
        ? [{ agents: proposers }]
        : layers.slice(0, -1).map(({ policy, ...layer }) => ({
            ...layer,
            agents: proposers.map((p) => ({ ...p })),
            // A quorum larger than the new line-up could never be met.
            ...(policy && !(policy.kind === "quorum" && policy.k > proposers.length) && { policy }),
          }));
    layers = [...before, final];
  }
  if (options.aggregator) {
    const final = layers.at(-1)!;
    layers[layers.length - 1] = { ...final, agents: [{ ...final.agents[0], model: options.aggregator }] };
  }
  if (options.maxTokens !== undefined || options.temperature !== undefined) {
    layers = layers.map((layer) => ({
      ...layer,
      agents: layer.agents.map((agent) => ({
        ...agent,
        ...(options.maxTokens !== undefined && { maxTokens: options.maxTokens }),
        ...(options.temperature !== undefined && { temperature: options.temperature }),
      })),
    }));
  }
  return validate({ layers }, "invalid board after the overrides");
}

/** The board to run: a preset mapped onto reachable models, or a file, then the overrides. */
export async function resolveBoard(options: CliOptions, listModels: () => Promise<ModelInfo[]>): Promise<Board> {
  let base: Board;
  if (options.configFile) {
    base = { config: await readConfigFile(options.configFile), substitutions: [] };
  } else {
    const preset = options.preset ?? DEFAULT_PRESET;
    if (!isPreset(preset)) throw new CliError(`unknown preset "${preset}": use one of ${PRESETS.map((p) => p.id).join(", ")}`);
    // Not needed when --model replaces every agent anyway; skipping it avoids probing Ollama.
    const available = options.model ? [] : await listModels();
    const built = buildPreset(preset, available);
    base = { config: built.config, preset, substitutions: options.model ? [] : built.substitutions };
  }
  return { ...base, config: applyOverrides(base.config, options) };
}
