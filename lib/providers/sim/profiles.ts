/**
 * The simulated models. Each has its own pace, writing style and skill (what it knows about
 * a prompt's ground truth and how well it uses answers it reads, see world.ts), so that a
 * board of them behaves like a board of different LLMs. Prices and parameter counts are pretend figures,
 * borrowed from open models of similar pace, so the cost and FLOPs views have something to
 * show offline; listings flag them as simulated.
 */
export type SimStyle =
  | "terse"
  | "bulleted"
  | "narrative"
  | "stepwise"
  | "skeptic"
  | "expert"
  | "aggregator"
  | "rambling"
  | "broken";

/**
 * What a simulated model knows and how well it uses what it reads; all in 0..1.
 * See SIM_WORLD_RULES (rules.ts) for how each number is used.
 */
export interface SimSkill {
  /** Share of a prompt's key points the model knows (a fixed, seeded subset per model and prompt). */
  recall: number;
  /** Chance that the model believes each tempting wrong claim of a prompt (seeded per model and prompt, so its samples share their mistakes). */
  hallucination: number;
  /** As aggregator: chance to take up a claim it reads in one answer (more answers making it, higher chance). */
  keep: number;
  /** Chance to tell a wrong claim is wrong by itself, and as aggregator to drop one it has read once the answers that omit it clearly outnumber those that make it. */
  catch: number;
}

export interface SimProfile {
  name: string;
  display: string;
  style: SimStyle;
  /** Time to first token in ms at speed ×1. */
  ttftMs: number;
  tokensPerSecond: number;
  /** Typical answer length in words, as measured on the built-in prompts: the length follows what the model knows and writes. */
  words: [number, number];
  role: "proposer" | "aggregator" | "straggler" | "failure";
  skill: SimSkill;
  blurb: string;
  pretend: { pricePerMTokens: { input: number; output: number }; activeParamsB: number; contextLength: number };
  /** A simulated reasoning model: it streams a reasoning lane before its answer (see thoughts.ts). */
  thinks?: boolean;
}

function profile(p: SimProfile): SimProfile {
  return p;
}

export const SIM_PROFILES: readonly SimProfile[] = [
  profile({ name: "falcon", display: "Falcon", style: "terse", ttftMs: 250, tokensPerSecond: 90, words: [20, 130], role: "proposer", skill: { recall: 0.4, hallucination: 0.2, keep: 0.6, catch: 0.6 }, blurb: "fast and terse", pretend: { pricePerMTokens: { input: 0.2, output: 0.2 }, activeParamsB: 8, contextLength: 32_768 } }),
  profile({ name: "heron", display: "Heron", style: "bulleted", ttftMs: 450, tokensPerSecond: 60, words: [40, 190], role: "proposer", skill: { recall: 0.5, hallucination: 0.15, keep: 0.7, catch: 0.7 }, blurb: "bullet points under headings", pretend: { pricePerMTokens: { input: 0.9, output: 0.9 }, activeParamsB: 70, contextLength: 131_072 } }),
  profile({ name: "otter", display: "Otter", style: "narrative", ttftMs: 600, tokensPerSecond: 45, words: [40, 160], role: "proposer", skill: { recall: 0.5, hallucination: 0.15, keep: 0.75, catch: 0.75 }, blurb: "flowing paragraphs", pretend: { pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 72, contextLength: 32_768 } }),
  profile({ name: "lynx", display: "Lynx", style: "stepwise", ttftMs: 350, tokensPerSecond: 70, words: [40, 150], role: "proposer", skill: { recall: 0.45, hallucination: 0.2, keep: 0.65, catch: 0.65 }, blurb: "step by step", pretend: { pricePerMTokens: { input: 0.6, output: 0.6 }, activeParamsB: 39, contextLength: 65_536 } }),
  profile({ name: "badger", display: "Badger", style: "skeptic", ttftMs: 500, tokensPerSecond: 50, words: [45, 145], role: "proposer", skill: { recall: 0.45, hallucination: 0.1, keep: 0.6, catch: 0.85 }, blurb: "weighs trade-offs and caveats", pretend: { pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 36, contextLength: 32_768 } }),
  profile({ name: "orca", display: "Orca", style: "expert", ttftMs: 800, tokensPerSecond: 40, words: [40, 170], role: "proposer", skill: { recall: 0.65, hallucination: 0.1, keep: 0.35, catch: 0.3 }, blurb: "knows the most, but a weak aggregator", pretend: { pricePerMTokens: { input: 1.8, output: 1.8 }, activeParamsB: 110, contextLength: 32_768 } }),
  profile({ name: "owl", display: "Owl", style: "aggregator", ttftMs: 700, tokensPerSecond: 55, words: [40, 220], role: "aggregator", skill: { recall: 0.5, hallucination: 0.1, keep: 0.9, catch: 0.95 }, blurb: "strong aggregator: keeps what is right, drops what is wrong", pretend: { pricePerMTokens: { input: 1.2, output: 1.2 }, activeParamsB: 72, contextLength: 131_072 } }),
  profile({ name: "thinker", display: "Thinker", style: "stepwise", ttftMs: 300, tokensPerSecond: 120, words: [40, 160], role: "proposer", skill: { recall: 0.6, hallucination: 0.08, keep: 0.8, catch: 0.85 }, blurb: "simulated reasoning model: thinks out loud, then answers", pretend: { pricePerMTokens: { input: 1.1, output: 4.4 }, activeParamsB: 32, contextLength: 131_072 }, thinks: true }),
  profile({ name: "sloth", display: "Sloth", style: "rambling", ttftMs: 3_000, tokensPerSecond: 8, words: [40, 150], role: "straggler", skill: { recall: 0.4, hallucination: 0.2, keep: 0.5, catch: 0.4 }, blurb: "slow straggler", pretend: { pricePerMTokens: { input: 0.9, output: 0.9 }, activeParamsB: 70, contextLength: 32_768 } }),
  profile({ name: "broken", display: "Broken", style: "broken", ttftMs: 200, tokensPerSecond: 50, words: [0, 0], role: "failure", skill: { recall: 0, hallucination: 0, keep: 0, catch: 0 }, blurb: "always fails like an HTTP 500", pretend: { pricePerMTokens: { input: 0, output: 0 }, activeParamsB: 1, contextLength: 8_192 } }),
];

const byName = new Map(SIM_PROFILES.map((p) => [p.name, p]));

/** Unknown sim names still work: they borrow a proposer profile chosen by name. */
export function simProfile(name: string): SimProfile {
  const known = byName.get(name);
  if (known) return known;
  const proposers = SIM_PROFILES.filter((p) => p.role === "proposer");
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const base = proposers[h % proposers.length];
  return { ...base, name, display: name.charAt(0).toUpperCase() + name.slice(1) };
}

export function simDisplayName(name: string): string {
  return `${simProfile(name).display} (simulated)`;
}
