import { LIMITS } from "@/lib/moa/limits";
import type { SimJudgeSettings } from "./judge-score";
import type { SimSkill } from "./profiles";
/**
 * A sim model id may carry overrides for tests, benchmarks and classroom what-ifs:
 * pace `falcon?ttft=20&tps=400&tokens=120`, skill `owl?keep=0&catch=0`, `?recall=0.5`,
 * `?halluc=0.2`, a reasoning lane `?think=1` (or none: `think=0`), and, for a model used as
 * judge, `?noise=0.2&lengthbias=1`.
 * The base name is what the UI shows.
 */
export interface SimOverrides {
  ttftMs?: number;
  tokensPerSecond?: number;
  /** Exact number of output tokens (words) to produce. */
  tokens?: number;
  /** Streams a reasoning lane before its answer (true) or not (false), whatever its profile does. */
  thinks?: boolean;
  /** Skill values that replace the profile's, each clamped to 0..1. */
  skill?: Partial<SimSkill>;
  /** Judge settings when this model judges: noise clamped to 0..1, length bias to 0..10. */
  judge?: Partial<SimJudgeSettings>;
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

function clamped(value: string | null, max = 1): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(0, n)) : undefined;
}

/** Only the keys that were given, so a partial override leaves the rest of the profile alone. */
function defined<T extends object>(values: T): Partial<T> | undefined {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

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
      thinks: params.get("think") === "1" ? true : params.get("think") === "0" ? false : undefined,
      skill: defined({
        recall: clamped(params.get("recall")),
        hallucination: clamped(params.get("halluc") ?? params.get("hallucination")),
        keep: clamped(params.get("keep")),
        catch: clamped(params.get("catch")),
      }),
      judge: defined({ noise: clamped(params.get("noise")), lengthBias: clamped(params.get("lengthbias"), 10) }),
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
