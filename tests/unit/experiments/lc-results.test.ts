import { describe, expect, it } from "vitest";
import { lcWinRates } from "@/lib/experiments/lc-results";
import { emptyProgress, unitKey, type ExperimentPlan, type RunResult } from "@/lib/experiments/types";

const run = (chars: number): RunResult => ({
  runId: "r", status: "finished", text: "x".repeat(chars), inputTokens: 0, outputTokens: 0, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 0,
});
const one = { layers: [{ agents: [{ model: "sim:owl" }] }] };

describe("lcWinRates", () => {
  it("fits each variant against the reference from verdicts and answer lengths, skipping unreadable verdicts", () => {
    // The hand-checked sample of lc-win-rate.test.ts: 4 of 5 longer answers win, 1 of 2 shorter → LC 2/3, raw 5/7.
    const outcomes: Array<["a" | "b", number]> = [["a", 600], ["a", 600], ["a", 600], ["a", 600], ["b", 600], ["a", 400], ["b", 400]];
    const prompts = [...outcomes.map((_, i) => ({ id: `p${i}`, prompt: `q${i}` })), { id: "bad", prompt: "q" }];
    const plan: ExperimentPlan = {
      id: "e", name: "n", createdAt: "t", prompts, judge: "sim:owl", reference: "ref",
      variants: [{ id: "v", label: "V", variant: "moa", config: one }, { id: "ref", label: "R", variant: "moa", config: one }],
    };
    const progress = emptyProgress();
    outcomes.forEach(([winner, chars], i) => {
      progress.runs[unitKey(`p${i}`, "v")] = run(chars);
      progress.runs[unitKey(`p${i}`, "ref")] = run(500);
      progress.judgements[unitKey(`p${i}`, "v")] = { winner, consistent: true, reasons: [], runIds: [] };
    });
    progress.runs[unitKey("bad", "v")] = run(5000);
    progress.runs[unitKey("bad", "ref")] = run(500);
    progress.judgements[unitKey("bad", "v")] = { winner: "tie", consistent: true, reasons: [], runIds: [], error: "no winner" };
    const lc = lcWinRates(plan, progress).get("v");
    expect(lc?.n).toBe(7);
    expect(lc?.lcWinRate).toBeCloseTo(2 / 3, 4);
    expect(lc?.winRate).toBeCloseTo(5 / 7, 10);
    expect(lc?.meanBaselineLength).toBe(500);
  });

  it("says nothing below three readable verdicts", () => {
    const plan: ExperimentPlan = {
      id: "e", name: "n", createdAt: "t", prompts: [{ id: "p0", prompt: "q" }, { id: "p1", prompt: "q" }], judge: "sim:owl", reference: "ref",
      variants: [{ id: "v", label: "V", variant: "moa", config: one }, { id: "ref", label: "R", variant: "moa", config: one }],
    };
    const progress = emptyProgress();
    for (const id of ["p0", "p1"]) {
      progress.runs[unitKey(id, "v")] = run(600);
      progress.runs[unitKey(id, "ref")] = run(500);
      progress.judgements[unitKey(id, "v")] = { winner: "a", consistent: true, reasons: [], runIds: [] };
    }
    expect(lcWinRates(plan, progress).has("v")).toBe(false);
  });
});
