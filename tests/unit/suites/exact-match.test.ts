import { describe, expect, it, vi } from "vitest";
import type { CellRunner, VerdictInput } from "@/lib/experiments/jobs/cell-runner";
import { unitKey, type ExperimentPlan, type RunResult, type VariantSpec } from "@/lib/experiments/types";
import { exactMatchVerdict, mathAccuracy, withExactMatch } from "@/lib/suites/exact-match-runner";
import { parseMath } from "@/lib/suites/math";
import { suiteToPrompts } from "@/lib/suites/to-prompts";

const run = (text: string): RunResult => ({
  runId: "r", status: "finished", text, inputTokens: 0, outputTokens: 0, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 0,
});
const variant = (id: string): VariantSpec => ({ id, label: id, variant: "moa", config: { layers: [{ agents: [{ model: "sim:owl" }] }] } });
const verdictInput = (answer: string | undefined, a: string, b: string): VerdictInput => ({
  experimentId: "e",
  prompt: { id: "p", prompt: "q", ...(answer !== undefined && { answer }) },
  comparison: { id: "c", label: "c", a: "x", b: "y" },
  a: { label: "x", run: run(a) },
  b: { label: "y", run: run(b) },
  judge: "sim:owl",
  ownerSecretHash: "h",
});

describe("exactMatchVerdict", () => {
  it("lets the correct side win and ties equal correctness, at no cost", () => {
    expect(exactMatchVerdict(verdictInput("\\frac{1}{2}", "so \\boxed{0.5}", "\\boxed{1/3}"))).toMatchObject({ judgement: { winner: "a" }, costUsd: 0 });
    expect(exactMatchVerdict(verdictInput("12", "\\boxed{11}", "The answer is 12."))?.judgement.winner).toBe("b");
    expect(exactMatchVerdict(verdictInput("12", "\\boxed{12}", "\\boxed{12.0}"))?.judgement.winner).toBe("tie");
    expect(exactMatchVerdict(verdictInput("12", "no idea", "\\boxed{13}"))?.judgement.winner).toBe("tie");
  });
  it("leaves prompts without an answer to the judge", () => {
    expect(exactMatchVerdict(verdictInput(undefined, "a", "b"))).toBeUndefined();
  });
});

describe("withExactMatch", () => {
  it("calls the judge model only for prompts without a MATH answer", async () => {
    const judge = vi.fn<CellRunner["judge"]>(async () => ({ judgement: { winner: "b", consistent: true, reasons: [], runIds: [] }, costUsd: 0.01 }));
    const runner = withExactMatch({ runCell: async () => run("x"), judge });
    expect((await runner.judge(verdictInput("3", "\\boxed{3}", "\\boxed{4}"))).judgement.winner).toBe("a");
    expect(judge).not.toHaveBeenCalled();
    expect((await runner.judge(verdictInput(undefined, "a", "b"))).costUsd).toBe(0.01);
    expect(judge).toHaveBeenCalledTimes(1);
  });
});

describe("MATH suite to experiment", () => {
  it("carries the answer into the prompts and scores accuracy per variant", () => {
    const suite = parseMath([
      JSON.stringify({ problem: "1/4+1/4?", solution: "\\boxed{\\frac12}" }),
      JSON.stringify({ problem: "3·4?", solution: "\\boxed{12}" }),
    ].join("\n"));
    const prompts = suiteToPrompts(suite);
    expect(prompts).toEqual([
      { id: "math1", prompt: "1/4+1/4?", answer: "\\frac12" },
      { id: "math2", prompt: "3·4?", answer: "12" },
    ]);
    const plan: ExperimentPlan = { id: "e", name: "n", createdAt: "t", prompts, variants: [variant("x"), variant("y")], reference: "y", judge: "sim:owl" };
    const runs = {
      [unitKey("math1", "x")]: run("\\boxed{\\dfrac{1}{2}}"),
      [unitKey("math2", "x")]: run("\\boxed{12}"),
      [unitKey("math1", "y")]: run("\\boxed{2/4}"),
      [unitKey("math2", "y")]: run("It is 7."),
    };
    expect(mathAccuracy(plan, { runs })).toEqual([
      { variantId: "x", correct: 2, scored: 2, accuracy: 1 },
      { variantId: "y", correct: 1, scored: 2, accuracy: 0.5 },
    ]);
  });
});
