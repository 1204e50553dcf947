/**
 * Settings a sim model id carries in its query (`sim:owl?keep=0&catch=0`,
 * `sim:owl?noise=0.2&lengthbias=1`). The simulator reads them (lib/providers/sim); the UI
 * only writes and shows them, so the pace overrides already there (`tps`, `ttft`) survive.
 */

export interface TweakSpec {
  /** The query parameter name. */
  key: string;
  /** What a person reads on a card: "keep 0". */
  short: string;
  /** Label of the control. */
  label: string;
  hint: string;
  /** Largest value the control offers (the smallest is 0); 1 unless said. */
  max?: number;
}

/** Per-slot skill of a simulated model (0..1); a missing key means the model's own value. */
export const SKILL_TWEAKS: readonly TweakSpec[] = [
  { key: "recall", short: "recall", label: "Recall", hint: "Share of the hidden key points it finds on its own." },
  { key: "halluc", short: "halluc", label: "Hallucination", hint: "Chance it adds a tempting wrong claim." },
  { key: "keep", short: "keep", label: "Keep (as aggregator)", hint: "Chance it keeps a correct point it read in an earlier answer." },
  { key: "catch", short: "catch", label: "Catch (as aggregator)", hint: "Chance it drops a wrong claim it read instead of repeating it." },
];

/** Settings of a simulated judge (defaults 0: an unbiased, noise-free judge). */
export const JUDGE_TWEAKS: readonly TweakSpec[] = [
  { key: "noise", short: "noise", label: "Noise", hint: "Random error added to each score, so close calls can go either way." },
  {
    key: "lengthbias",
    short: "length bias",
    label: "Length bias (demonstrates judge bias)",
    hint: "Extra score per 100 words, whatever they say: a known flaw of LLM judges, here on purpose.",
    max: 2,
  },
];

const SPECS = new Map([...SKILL_TWEAKS, ...JUDGE_TWEAKS].map((t) => [t.key, t]));
const ALL_KEYS = new Set(SPECS.keys());
const maxOf = (key: string) => SPECS.get(key)?.max ?? 1;

export function isSimId(modelId: string | null | undefined): modelId is string {
  return typeof modelId === "string" && modelId.startsWith("sim:");
}

function split(modelId: string): { base: string; params: URLSearchParams } {
  const q = modelId.indexOf("?");
  return q === -1 ? { base: modelId, params: new URLSearchParams() } : { base: modelId.slice(0, q), params: new URLSearchParams(modelId.slice(q + 1)) };
}

function inRange(value: string | null, max: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= max ? n : undefined;
}

/** The tweak values a sim id carries, by key; values out of a control's range are not shown as set. */
export function readTweaks(modelId: string | null | undefined): Record<string, number> {
  if (!isSimId(modelId)) return {};
  const { params } = split(modelId);
  const out: Record<string, number> = {};
  for (const key of ALL_KEYS) {
    const v = inRange(params.get(key), maxOf(key));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A number as the query writes it: within the control's range, at most two decimals. */
function format(key: string, n: number): string {
  return String(Math.round(Math.min(maxOf(key), Math.max(0, n)) * 100) / 100);
}

/**
 * `modelId` with tweaks set (a number) or removed (undefined). Other parameters keep their
 * place; a sim id with nothing left in its query loses the `?`. Ids of real models are
 * returned unchanged: the tweaks mean nothing to them.
 */
export function withTweaks(modelId: string, patch: Record<string, number | undefined>): string {
  if (!isSimId(modelId)) return modelId;
  const { base, params } = split(modelId);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || !Number.isFinite(value)) params.delete(key);
    else params.set(key, format(key, value));
  }
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** "keep 0 · catch 0": the tweaks of an id, for a card or a column header; empty without any. */
export function tweakSummary(modelId: string | null | undefined): string {
  const values = readTweaks(modelId);
  return [...SKILL_TWEAKS, ...JUDGE_TWEAKS]
    .filter((t) => values[t.key] !== undefined)
    .map((t) => `${t.short} ${values[t.key]}`)
    .join(" · ");
}

/** `sim:owl?tps=9&keep=0` → `sim:owl?tps=9`: the id without the settings `tweakSummary` shows. */
export function withoutTweaks(modelId: string | null): string {
  if (!isSimId(modelId)) return modelId ?? "";
  return withTweaks(modelId, Object.fromEntries([...ALL_KEYS].map((k) => [k, undefined])));
}
