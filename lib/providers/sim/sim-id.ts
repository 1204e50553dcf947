import { LIMITS } from "@/lib/moa/limits";
/**
 * A sim model id may carry pace overrides for tests and benchmarks:
 * `falcon?ttft=20&tps=400&tokens=120`. The base name is what the UI shows.
 */
export interface SimOverrides {
  ttftMs?: number;
  tokensPerSecond?: number;
  /** Exact number of output tokens (words) to produce. */
  tokens?: number;
}

export interface ParsedSimId {
  name: string;
  overrides: SimOverrides;
}

function positive(value: string | null, allowZero: boolean): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) return undefined;
  return n;
}

const MAX_SIM_TTFT_MS = 120_000;
const MAX_SIM_TPS = 100_000;

function capped(value: number | undefined, max: number): number | undefined {
  return value === undefined ? undefined : Math.min(value, max);
}

export function parseSimId(modelId: string): ParsedSimId {
  const bare = modelId.startsWith("sim:") ? modelId.slice(4) : modelId;
  const q = bare.indexOf("?");
  const name = (q === -1 ? bare : bare.slice(0, q)).trim().toLowerCase() || "falcon";
  if (q === -1) return { name, overrides: {} };
  const params = new URLSearchParams(bare.slice(q + 1));
  const tokens = positive(params.get("tokens"), false);
  return {
    name,
    overrides: {
      // Capped: the simulator needs no key, so its knobs must not let anyone stall the server.
      ttftMs: capped(positive(params.get("ttft"), true), MAX_SIM_TTFT_MS),
      tokensPerSecond: capped(positive(params.get("tps"), false), MAX_SIM_TPS),
      tokens: tokens === undefined ? undefined : Math.max(1, Math.min(LIMITS.maxTokens, Math.round(tokens))),
    },
  };
}

/** `sim:falcon?tps=400` → `sim:falcon`; other ids unchanged. */
export function baseModelId(modelId: string): string {
  if (!modelId.startsWith("sim:")) return modelId;
  return `sim:${parseSimId(modelId).name}`;
}

/** The global pace multiplier (`MOA_SIM_SPEED=20` runs 20× faster). */
export function simSpeed(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.MOA_SIM_SPEED);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
