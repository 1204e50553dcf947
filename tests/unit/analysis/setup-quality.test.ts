import { describe, expect, it } from "vitest";
import { qualityPoints } from "@/lib/analysis/quality-points";
import { setupQuality, type JudgedRunFacts } from "@/lib/analysis/setup-quality";

const fact = (runId: string, setupId: string, label: string, costUsd: number, tflops: number, latencyMs?: number): JudgedRunFacts => ({
  runId,
  setupId,
  label,
  shape: "2×3",
  costUsd,
  costEstimated: false,
  tflops,
  latencyMs,
});

// Two runs of MoA, one of a single model, one of the ranker.
const RUNS = [fact("r1", "moa", "MoA", 0.002, 2, 1000), fact("r2", "moa", "MoA", 0.004, 4), fact("r3", "single", "Single", 0.001, 1, 400), fact("r4", "ranker", "Ranker", 0.003, 3, 800)];

describe("setupQuality", () => {
  it("pools the verdicts of a setup's runs into one win rate, and averages their figures", () => {
    const setups = setupQuality(RUNS, [
      { a: "r1", b: "r3", winner: "a" },
      { a: "r2", b: "r3", winner: "tie" },
      { a: "r3", b: "r4", winner: "b" },
      { a: "r1", b: "r4", winner: "tie" },
    ]);
    // MoA: r1 beat r3, r2 tied r3, r1 tied r4 → (1 + ½ + ½) / 3 = 2/3.
    // Ranker: beat r3, tied r1 → (1 + ½) / 2 = 3/4. Single: lost, tied, lost → ½ / 3 = 1/6.
    expect(setups.map((s) => [s.id, s.runs, s.quality.n])).toEqual([
      ["ranker", 1, 2],
      ["moa", 2, 3],
      ["single", 1, 3],
    ]);
    const [ranker, moa, single] = setups;
    expect(ranker.quality.rate).toBe(0.75);
    expect(moa.quality.rate).toBeCloseTo(2 / 3, 12);
    expect(single.quality.rate).toBeCloseTo(1 / 6, 12);
    expect(moa.quality.low).toBeLessThan(moa.quality.rate);
    expect(moa.quality.high).toBeGreaterThan(moa.quality.rate);
    // Means over the setup's runs: cost (0.002 + 0.004) / 2, compute (2 + 4) / 2; latency only where known.
    expect(moa).toMatchObject({ label: "MoA", meanCostUsd: 0.003, meanTflops: 3, meanLatencyMs: 1000 });
  });

  it("still counts a verdict whose other run is gone, and leaves out setups without verdicts", () => {
    const setups = setupQuality([RUNS[0], RUNS[2]], [{ a: "deleted", b: "r1", winner: "b" }]);
    expect(setups.map((s) => [s.id, s.quality.rate])).toEqual([["moa", 1]]);
  });

  it("leaves an unreadable verdict out of n, and a setup with an unsized model off the compute axis (not at 0)", () => {
    const gpt4o = { ...fact("r5", "gpt4o", "GPT-4o", 0.01, 0, 900), tflopsUnknown: true };
    const setups = setupQuality([...RUNS, gpt4o], [
      { a: "r5", b: "r3", winner: "a" },
      { a: "r5", b: "r1", winner: "tie", unreadable: true },
      { a: "r1", b: "r3", winner: "a" },
    ]);
    const g = setups.find((s) => s.id === "gpt4o")!;
    // One readable win: 1/1; the unreadable one is neither a tie nor in n.
    expect(g.quality).toMatchObject({ n: 1, wins: 1, ties: 0, unreadable: 1, rate: 1 });
    expect(g).toMatchObject({ tflopsUnknown: true, meanTflops: undefined });
    const moa = setups.find((s) => s.id === "moa")!;
    expect(moa.quality).toMatchObject({ n: 1, unreadable: 1 });
    const compute = qualityPoints(setups, "tflops");
    expect(compute.map((p) => p.id)).not.toContain("gpt4o");
    // At x = 0 and 100% it would have dominated both; off the axis, single (1 TFLOPs) and MoA (3 TFLOPs) make the front.
    expect(compute.filter((p) => p.onFront).map((p) => p.id).sort()).toEqual(["moa", "single"]);
  });
});
