import { describe, expect, it } from "vitest";
import { fitLcWinRate, lcWinRate, type PreferenceItem } from "@/lib/analysis/lc-win-rate";

const item = (preference: number, modelLength: number, baselineLength = 500): PreferenceItem => ({ preference, modelLength, baselineLength });

// By hand. Five instructions where the model's answer is 100 characters longer (4 wins, 1 loss)
// and two where it is 100 shorter (1 win, 1 loss). Two distinct length features ±t with two
// parameters: the maximum-likelihood fit reproduces each group's win rate exactly,
//   θ + φt = logit(4/5) = ln 4,   θ − φt = logit(1/2) = 0   →   θ = ln 2,  φ = ln 4 / (2t).
// LC win rate = σ(θ) = 2/(2+1) = 2/3, while the raw win rate is 5/7.
// t = tanh(100/s), s the sample s.d. of Δ: Σ(Δ − Δ̄)² = 7·100² − 7·(300/7)² = 400000/7, s² = 400000/42.
const handChecked = [
  item(1, 600), item(1, 600), item(1, 600), item(1, 600), item(0, 600),
  item(1, 400), item(0, 400),
];

describe("fitLcWinRate", () => {
  it("matches the hand-computed fit", () => {
    const fit = fitLcWinRate(handChecked);
    const t = Math.tanh(100 / Math.sqrt(400000 / 42));
    expect(fit?.coefficients[0]).toBeCloseTo(Math.log(2), 3);
    expect(fit?.coefficients[1]).toBeCloseTo(Math.log(4) / (2 * t), 3);
    expect(fit?.lcWinRate).toBeCloseTo(2 / 3, 4);
    expect(fit?.winRate).toBeCloseTo(5 / 7, 10);
  });

  it("treats a tie as half a win", () => {
    // Same lengths: no length signal, so LC equals the raw rate (1 + 0.5 + 0) / 3.
    const fit = fitLcWinRate([item(1, 500), item(0.5, 500), item(0, 500)]);
    expect(fit?.winRate).toBeCloseTo(0.5, 10);
    expect(fit?.lcWinRate).toBeCloseTo(0.5, 4);
  });

  it("lifts a model whose only losses are its short answers", () => {
    // Wins when shorter, loses when longer: the length term is negative and LC exceeds raw.
    const fit = fitLcWinRate([item(1, 300), item(1, 300), item(1, 700), item(0, 700), item(0, 700), item(0, 700)]);
    expect(fit?.coefficients[1]).toBeLessThan(0);
    expect(fit!.lcWinRate).toBeGreaterThan(fit!.winRate);
  });

  it("stays finite when the model wins everything", () => {
    const fit = fitLcWinRate([item(1, 600), item(1, 400), item(1, 500)]);
    expect(Number.isFinite(fit?.coefficients[0])).toBe(true);
    expect(fit?.lcWinRate).toBeGreaterThan(0.99);
  });

  it("averages the difficulty term over the instructions when one is given", () => {
    // Equal lengths, two difficulty groups with win rates 0.75 and 0.25 → LC = mean = 0.5.
    const items = [
      ...[1, 1, 1, 0].map((p) => ({ ...item(p, 500), difficulty: 0 })),
      ...[1, 0, 0, 0].map((p) => ({ ...item(p, 500), difficulty: 1 })),
    ];
    const fit = fitLcWinRate(items);
    expect(fit?.coefficients).toHaveLength(3);
    expect(fit?.lcWinRate).toBeCloseTo(0.5, 4);
  });

  it("has nothing to say without items", () => {
    expect(fitLcWinRate([])).toBeUndefined();
  });
});

describe("lcWinRate", () => {
  it("brackets the estimates with a reproducible bootstrap interval and reports lengths", () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i % 3 === 0 ? 0 : 1, 400 + (i % 5) * 50));
    const a = lcWinRate(items, { seed: 7 });
    const b = lcWinRate(items, { seed: 7 });
    expect(a).toEqual(b);
    expect(a!.lcLow).toBeLessThanOrEqual(a!.lcWinRate);
    expect(a!.lcHigh).toBeGreaterThanOrEqual(a!.lcWinRate);
    expect(a!.winLow).toBeLessThan(a!.winRate);
    expect(a!.winHigh).toBeGreaterThan(a!.winRate);
    expect(a!.meanModelLength).toBe(500);
    expect(a!.meanBaselineLength).toBe(500);
  });

  it("narrows the interval with more instructions", () => {
    const base = [item(1, 600), item(0, 450), item(1, 520), item(0.5, 500), item(1, 480)];
    const small = lcWinRate(base)!;
    const large = lcWinRate(Array.from({ length: 20 }, () => base).flat())!;
    expect(large.winHigh - large.winLow).toBeLessThan(small.winHigh - small.winLow);
  });
});
