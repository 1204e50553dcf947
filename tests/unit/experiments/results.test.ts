import { describe, expect, it } from "vitest";
import { similarityQualityCorrelation } from "@/lib/experiments/correlation";
import { qualityPoints } from "@/lib/analysis/quality-points";
import { summarize, variantCandidates } from "@/lib/experiments/results";
import { loadExperiment, saveExperiment, type KeyValueStorage } from "@/lib/experiments/storage";
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
    progress.judgements[unitKey(p.id, "moa")] = { winner: "variant", consistent: true, reasons: [], runIds: [] };
    progress.judgements[unitKey(p.id, "good")] = { winner: "variant", consistent: true, reasons: [], runIds: [] };
    progress.judgements[unitKey(p.id, "bad")] = { winner: "reference", consistent: true, reasons: [], runIds: [] };
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

  it("finds a positive rank correlation when the MoA answer resembles the answers the judge preferred", () => {
    const result = similarityQualityCorrelation(plan, progressWith(), "moa", "tfidf");
    expect(result.n).toBe(6);
    expect(result.rho).toBeGreaterThan(0.8);
  });

  it("saves and loads progress, and ignores a stored blob it cannot read", () => {
    const map = new Map<string, string>();
    const storage: KeyValueStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
    saveExperiment(plan, progressWith(), false, storage);
    expect(loadExperiment("e1", storage)?.progress).toEqual(progressWith());
    map.set("moa-experiment:e1", "{not json");
    expect(loadExperiment("e1", storage)).toBeUndefined();
  });
});
