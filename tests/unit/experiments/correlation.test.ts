import { describe, expect, it } from "vitest";
import { meanInterval, tQuantile975 } from "@/lib/analysis/mean-interval";
import { spearman } from "@/lib/analysis/spearman";
import { receivedCorrelation } from "@/lib/experiments/correlation";
import { emptyProgress, unitKey, type ExperimentPlan, type ReceivedLayer } from "@/lib/experiments/types";

const proposers = { agents: [{ model: "sim:a" }, { model: "sim:b" }, { model: "sim:c" }, { model: "sim:d" }] };
const plan: ExperimentPlan = {
  id: "e", name: "n", createdAt: "2026-01-01", judge: "sim:owl",
  prompts: [{ id: "p1", prompt: "q1" }, { id: "p2", prompt: "q2" }],
  variants: [
    { id: "moa", label: "MoA", variant: "moa", config: { layers: [proposers, { agents: [{ model: "sim:owl" }] }] } },
    { id: "one", label: "One", variant: "moa", config: { layers: [{ agents: [{ model: "sim:a" }] }] } },
  ],
  comparisons: [{ id: "c", label: "MoA vs one", a: "moa", b: "one" }],
  received: ["moa"],
};

/** The final aggregator (owl) of one run, with the same similarity under every metric. */
const finalLayer = (similarity: number[], quality: Array<number | null>): ReceivedLayer => ({
  layer: 1,
  inputs: [0, 1, 2, 3],
  quality,
  unreadable: 0,
  aggregators: [{ agent: 0, model: "sim:owl", bleu: similarity, tfidf: similarity, levenshtein: similarity }],
});

// Simpson's paradox, by hand. Prompt 1: similarities 0.16 0.26 0.27 0.33 (ranks 1 2 3 4), qualities
// 0.75 0.5 0.5 0.5 (ranks 4 2 2 2). Deviations from 2.5: dx = (−1.5 −.5 .5 1.5), dy = (1.5 −.5 −.5 −.5);
// Σdxdy = −3, Σdx² = 5, Σdy² = 3 → ρ₁ = −3/√15 = −0.7746.
// Prompt 2: similarities 0.68 0.83 0.69 0.82 (ranks 1 4 2 3), qualities 0.875 0.5 0.875 0.75 (ranks 3.5 1 3.5 2):
// dx = (−1.5 1.5 −.5 .5), dy = (1 −1.5 1 −.5); Σdxdy = −4.5, Σdx² = 5, Σdy² = 4.5 → ρ₂ = −4.5/√22.5 = −0.9487.
// Pooling the 8 pairs puts prompt 2's higher similarities beside its higher qualities: ρ = +0.18.
const P1 = { sim: [0.16, 0.26, 0.27, 0.33], q: [0.75, 0.5, 0.5, 0.5] };
const P2 = { sim: [0.68, 0.83, 0.69, 0.82], q: [0.875, 0.5, 0.875, 0.75] };

function simpsonProgress() {
  const progress = emptyProgress();
  progress.received[unitKey("p1", "moa")] = { layers: [finalLayer(P1.sim, P1.q)] };
  progress.received[unitKey("p2", "moa")] = { layers: [finalLayer(P2.sim, P2.q)] };
  return progress;
}

describe("receivedCorrelation", () => {
  it("averages per-prompt ρ (−0.77, −0.95 → −0.86) where pooling the prompts would report +0.18", () => {
    expect(spearman([...P1.sim, ...P2.sim], [...P1.q, ...P2.q])).toBeCloseTo(0.18, 2);
    const { byLayer, byAggregator } = receivedCorrelation(plan, simpsonProgress(), "bleu");
    expect(byLayer).toHaveLength(1);
    const [layer] = byLayer;
    expect(layer.label).toBe("MoA · final aggregator vs layer-1 answers");
    expect(layer.perPrompt[0]).toBeCloseTo(-0.7746, 4);
    expect(layer.perPrompt[1]).toBeCloseTo(-0.9487, 4);
    // Mean (−0.7746 − 0.9487)/2 = −0.8616. s = |ρ₁ − ρ₂|/√2 = 0.1231, s/√2 = 0.0870, t₀.₉₇₅(1) = 12.706:
    // half-width 1.1060 → [−1.968, 0.244], the lower end clipped to −1.
    expect(layer.summary?.mean).toBeCloseTo(-0.8616, 4);
    expect(layer.summary?.low).toBe(-1);
    expect(layer.summary?.high).toBeCloseTo(0.2445, 3);
    expect(byAggregator.map((g) => [g.id, g.summary?.mean.toFixed(2)])).toEqual([["owl", "-0.86"]]);
  });

  it("leaves inputs without a readable verdict out of ρ, and a prompt without a defined ρ out of the mean", () => {
    const progress = simpsonProgress();
    // Prompt 2 with its best input unrated: similarities 0.68 0.83 0.82 against 0.875 0.5 0.75 → ranks (1 3 2) vs (3 1 2): ρ = −1.
    progress.received[unitKey("p2", "moa")] = { layers: [finalLayer(P2.sim, [0.875, 0.5, null, 0.75])] };
    // A third prompt whose inputs all tie: ρ undefined.
    const three = { ...plan, prompts: [...plan.prompts, { id: "p3", prompt: "q3" }] };
    progress.received[unitKey("p3", "moa")] = { layers: [finalLayer([0.1, 0.2, 0.3, 0.4], [0.5, 0.5, 0.5, 0.5])] };
    const [layer] = receivedCorrelation(three, progress, "tfidf").byLayer;
    expect(layer.perPrompt[1]).toBeCloseTo(-1, 12);
    expect(layer.undefinedPrompts).toBe(1);
    expect(layer.summary?.n).toBe(2);
  });

  it("reports every aggregating layer, and each aggregator model over the prompts", () => {
    const progress = emptyProgress();
    const three = {
      ...plan,
      variants: [{ ...plan.variants[0], config: { layers: [proposers, { agents: [{ model: "sim:b" }, { model: "sim:c" }] }, { agents: [{ model: "sim:owl" }] }] } }, plan.variants[1]],
    };
    const middle: ReceivedLayer = {
      ...finalLayer([0.1, 0.2, 0.3, 0.4], [0, 1 / 3, 2 / 3, 1]),
      aggregators: [
        { agent: 0, model: "sim:b", bleu: [0.1, 0.2, 0.3, 0.4], tfidf: [], levenshtein: [] },
        { agent: 1, model: "sim:c", bleu: [0.4, 0.3, 0.2, 0.1], tfidf: [], levenshtein: [] },
      ],
    };
    const last: ReceivedLayer = { layer: 2, inputs: [0, 1], quality: [0, 1], unreadable: 2, aggregators: [{ agent: 0, model: "sim:owl", bleu: [0.2, 0.9], tfidf: [], levenshtein: [] }] };
    for (const p of ["p1", "p2"]) progress.received[unitKey(p, "moa")] = { layers: [middle, last] };
    const result = receivedCorrelation(three, progress, "bleu");
    // Layer 2: b's ρ = +1 and c's ρ = −1 in each prompt → per-prompt mean 0.
    expect(result.byLayer.map((g) => [g.label, g.summary?.mean])).toEqual([
      ["MoA · layer-2 aggregators vs layer-1 answers", 0],
      ["MoA · final aggregator vs layer-2 answers", 1],
    ]);
    expect(result.byAggregator.map((g) => [g.id, g.summary?.mean])).toEqual([
      ["b", 1],
      ["c", -1],
      ["owl", 1],
    ]);
    expect(result.unreadable).toBe(4);
  });
});

describe("meanInterval", () => {
  it("gives mean ± t·s/√n", () => {
    // 0.2, 0.4, 0.6: mean 0.4, s = 0.2, t₀.₉₇₅(2) = 4.303 → half-width 4.303 · 0.2/√3 = 0.49687
    const r = meanInterval([0.2, 0.4, 0.6]);
    expect(r?.mean).toBeCloseTo(0.4, 12);
    expect(r?.low).toBeCloseTo(0.4 - 0.49687, 4);
    expect(r?.high).toBeCloseTo(0.4 + 0.49687, 4);
    expect(meanInterval([0.3])).toEqual({ n: 1, mean: 0.3 });
    expect(meanInterval([])).toBeUndefined();
  });

  it("uses the t table up to 30 degrees of freedom and approaches z beyond", () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    // t₀.₉₇₅(60) = 2.0003, t₀.₉₇₅(120) = 1.9799
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
  });
});
