import { describe, expect, it } from "vitest";
import { offAxis, qualityPoints } from "@/lib/analysis/quality-points";
import { summarize, summarizeComparisons, variantCandidates } from "@/lib/experiments/results";
import { emptyProgress, unitKey, type ExperimentPlan, type RunResult } from "@/lib/experiments/types";

const config = { layers: [{ agents: [{ model: "sim:a" }] }] };
const variant = (id: string) => ({ id, label: id.toUpperCase(), variant: "moa" as const, config });
const plan: ExperimentPlan = {
  id: "e1", name: "n", createdAt: "2026-01-01", judge: "sim:owl", reference: "ref",
  prompts: [{ id: "p1", prompt: "q1" }, { id: "p2", prompt: "q2" }],
  variants: [variant("moa"), variant("good"), variant("bad"), variant("ref")],
};
const run = (text: string, costUsd: number): RunResult => ({ runId: text, status: "finished", text, inputTokens: 1, outputTokens: 1, costUsd, costEstimated: false, tflops: 1, durationMs: 10 });

function progressWith() {
  const progress = emptyProgress();
  for (const p of plan.prompts) {
    progress.runs[unitKey(p.id, "moa")] = run("the sky is blue because of rayleigh scattering of sunlight", 3);
    progress.runs[unitKey(p.id, "good")] = run("the sky is blue because of rayleigh scattering", 1);
    progress.runs[unitKey(p.id, "bad")] = run("cats like warm windows in winter", 1);
    progress.runs[unitKey(p.id, "ref")] = run("blue sky comes from scattering of light", 2);
    progress.judgements[unitKey(p.id, "moa")] = { winner: "a", consistent: true, reasons: [], runIds: [] };
    progress.judgements[unitKey(p.id, "good")] = { winner: "a", consistent: true, reasons: [], runIds: [] };
    progress.judgements[unitKey(p.id, "bad")] = { winner: "b", consistent: true, reasons: [], runIds: [] };
  }
  return progress;
}

describe("experiment results", () => {
  it("marks the Pareto front of quality against cost: cheap-and-good beats expensive-and-equally-good", () => {
    const points = qualityPoints(variantCandidates(summarize(plan, progressWith())), "cost");
    const onFront = points.filter((p) => p.onFront).map((p) => p.id);
    expect(onFront).toEqual(["good"]);
    const reference = points.find((p) => p.id === "ref");
    expect(reference?.y).toBe(50);
    // The reference has no interval; a judged variant has one around its rate.
    expect(reference?.interval).toBeUndefined();
    const good = points.find((p) => p.id === "good")!;
    expect(good.interval?.[0]).toBeGreaterThan(0);
  });

  it("keeps a variant with a model of unknown size off the compute axis and its Pareto front, never at 0 TFLOPs", () => {
    const progress = progressWith();
    // "good" is cheap and good; give it an unsized model: known part 0.5 TFLOPs, which must not read as its compute.
    for (const p of plan.prompts) progress.runs[unitKey(p.id, "good")] = { ...progress.runs[unitKey(p.id, "good")], tflops: 0.5, tflopsUnknown: true };
    const summaries = summarize(plan, progress);
    const good = summaries.find((s) => s.variantId === "good")!;
    expect(good).toMatchObject({ tflopsUnknown: true, meanTflops: undefined });
    const candidates = variantCandidates(summaries);
    const compute = qualityPoints(candidates, "tflops");
    expect(compute.map((p) => p.id)).not.toContain("good");
    // moa (1 TFLOPs, 100%) is the front on compute now; before, "good" sat at x = 0 and took it.
    expect(compute.filter((p) => p.onFront).map((p) => p.id)).toEqual(["moa"]);
    expect(offAxis(candidates, "tflops").map((c) => c.id)).toEqual(["good"]);
    // Cost is known, so it stays on the cost axis.
    expect(qualityPoints(candidates, "cost").map((p) => p.id)).toContain("good");
  });

  it("leaves unreadable verdicts out of n and counts them apart", () => {
    const progress = progressWith();
    // moa: p1 won, p2 unreadable (stored as a tie with an error). Rate 1/1, not (1 + ½)/2 = 75%.
    progress.judgements[unitKey("p2", "moa")] = { winner: "tie", consistent: false, reasons: [], runIds: [], error: "no winner named" };
    const moa = summarize(plan, progress).find((s) => s.variantId === "moa")!;
    expect(moa.winRate).toMatchObject({ n: 1, wins: 1, ties: 0, unreadable: 1, rate: 1 });
    expect(moa.unreadable).toBe(1);
    const comparison = summarizeComparisons(plan, progress).find((c) => c.comparison.id === "moa")!;
    expect(comparison).toMatchObject({ unreadable: 1, labelA: "MOA", labelB: "REF" });
    expect(comparison.winRate?.n).toBe(1);
  });
});
