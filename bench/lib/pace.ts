import type { MoAConfig } from "@/lib/moa/config";

/** A model's known pace: the ideal time of one answer is ttft + tokens / tps. */
export interface Pace {
  ttftMs: number;
  tokensPerSecond: number;
  tokens: number;
}

export const idealAnswerMs = (p: Pace) => p.ttftMs + (p.tokens / p.tokensPerSecond) * 1000;

/** The paper's schedule: every layer waits for its slowest agent. */
export function idealCriticalPathMs(layers: Pace[][]): number {
  return layers.reduce((sum, layer) => sum + Math.max(...layer.map(idealAnswerMs)), 0);
}

/**
 * A sim model that keeps `p`. `think=0`: an unknown name borrows a profile by its hash, and
 * the thinking one streams a reasoning lane before its answer, which no pace counts (the 3×6
 * overhead row read 1.099 when one of its agents borrowed it).
 */
export const simId = (name: string, p: Pace) => `sim:${name}?ttft=${p.ttftMs}&tps=${p.tokensPerSecond}&tokens=${p.tokens}&think=0`;

/**
 * `agents` per layer, then a single final aggregator. Agents of a layer differ in pace so the
 * slowest is a definite one; a layer lasts about `layerMs`.
 */
export function paceGrid(shape: number[], layerMs = 1500, tokens = 300): Pace[][] {
  return shape.map((count) =>
    Array.from({ length: count }, (_, j) => {
      const ttftMs = 150 + 40 * j;
      // Slowest (j = 0) takes layerMs in total; the others finish a little earlier.
      const genMs = layerMs - 150 - 60 * j;
      return { ttftMs, tokensPerSecond: Math.round((tokens / genMs) * 1000 * 100) / 100, tokens };
    }),
  );
}

export function configOf(ids: string[][], extra: Partial<MoAConfig> = {}): MoAConfig {
  return { layers: ids.map((row) => ({ agents: row.map((model) => ({ model })) })), ...extra };
}

/** n words, so a fake upstream's answer has exactly n word tokens. */
export const words = (n: number, seed = "word") => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(" ");
