import { describe, expect, it } from "vitest";
import type { ModelLookup } from "@/lib/analysis/cost";
import { answerSetFromExperiment, keepPrompts, sideRun, STORED_ANSWERS_ID } from "@/lib/experiments/answer-sets";
import { estimateExperimentCost } from "@/lib/experiments/cost-estimate";
import { experimentSpecSchema } from "@/lib/experiments/jobs/spec";
import { totalUnits, verdictsTouching } from "@/lib/experiments/jobs/units";
import { lcWinRates } from "@/lib/experiments/lc-results";
import { summarize, summarizeComparisons } from "@/lib/experiments/results";
import { comparisonsOf, emptyProgress, unitKey, type ExperimentPlan, type Judgement, type RunResult } from "@/lib/experiments/types";
import { readPrompts } from "@/lib/suites/read-prompts";
import { FILE_REFERENCE_ID, fileReferenceOf, fileReferenceSet } from "@/lib/suites/reference-answers";

// An AlpacaEval-format file written here: instruction, output (the reference), generator, dataset.
const ALPACA = JSON.stringify(
  ["tides", "bread", "jazz", "glaciers"].map((topic, i) => ({
    instruction: `Explain ${topic} simply.`,
    output: i === 3 ? "" : `Ref ${topic}`.padEnd(10 * (i + 1), "."),
    generator: "gpt4_1106_preview",
    dataset: "helpful_base",
  })),
);

function alpacaPlan(): ExperimentPlan {
  const { prompts } = readPrompts(ALPACA, "alpaca_eval.json");
  const set = fileReferenceSet(fileReferenceOf(ALPACA)!, prompts.map((p) => p.id), "alpaca_eval.json");
  return {
    id: "e",
    name: "n",
    createdAt: "t",
    prompts,
    variants: [{ id: "moa", label: "MoA", variant: "moa", config: { layers: [{ agents: [{ model: "openai:worker" }] }] } }],
    answerSets: [set],
    reference: set.id,
    judge: "openai:judge",
  };
}

const run = (text: string): RunResult => ({ runId: `r-${text.length}`, status: "finished", text, inputTokens: 0, outputTokens: 0, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 0 });
const verdict = (winner: Judgement["winner"]): Judgement => ({ winner, consistent: true, reasons: [], runIds: [] });

describe("an imported file's reference outputs as side b", () => {
  it("reads AlpacaEval's outputs by the prompts' own ids, leaving out an empty output", () => {
    const plan = alpacaPlan();
    const set = plan.answerSets![0];
    expect(set).toMatchObject({ id: FILE_REFERENCE_ID, label: "Reference outputs (gpt4_1106_preview)", source: "the output field of alpaca_eval.json" });
    expect(Object.keys(set.answers)).toEqual(plan.prompts.slice(0, 3).map((p) => p.id));
    expect(set.answers[plan.prompts[1].id]).toBe("Ref bread".padEnd(20, "."));
    // Plain prompt lists and other suites have no reference outputs.
    expect(fileReferenceOf("Why?\nHow?")).toBeUndefined();
    expect(fileReferenceOf(JSON.stringify([{ instruction: "Hi", dataset: "x" }]))).toBeUndefined();
  });

  it("is a valid job: one variant against the set, one cell and one verdict per prompt, nothing run for the set", () => {
    const plan = alpacaPlan();
    expect(experimentSpecSchema.safeParse({ plan }).success).toBe(true);
    expect(comparisonsOf(plan)).toEqual([{ id: "moa", label: "MoA vs Reference outputs (gpt4_1106_preview)", a: "moa", b: FILE_REFERENCE_ID }]);
    expect(totalUnits(plan)).toBe(4 * 2);
    expect(verdictsTouching(plan, "moa").map((c) => c.b)).toEqual([FILE_REFERENCE_ID]);
  });

  it("refuses a set on side a, a set id that clashes with a variant, and a plan with a single side", () => {
    const plan = alpacaPlan();
    const issues = (p: ExperimentPlan) => experimentSpecSchema.safeParse({ plan: p }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ ...plan, reference: undefined, comparisons: [{ id: "c", label: "c", a: FILE_REFERENCE_ID, b: "moa" }] })).toContain(
      "every comparison (or the reference) must name variants of the plan, or an answer set as its side b",
    );
    expect(issues({ ...plan, answerSets: [{ ...plan.answerSets![0], id: "moa" }], reference: "moa" })).toContain("each variant and answer set needs an id of its own");
    expect(issues({ ...plan, answerSets: undefined, reference: "moa" })).toContain("a plan needs two sides: two variants, or a variant and an answer set");
  });

  it("computes win rate and LC win rate against the set from its fixed answers' lengths", () => {
    const plan = alpacaPlan();
    const progress = emptyProgress();
    const [p1, p2, p3, p4] = plan.prompts;
    // The variant writes 30 characters every time; the reference 10, 20 and 30 (and none for p4).
    for (const p of plan.prompts) progress.runs[unitKey(p.id, "moa")] = run("m".repeat(30));
    progress.judgements[unitKey(p1.id, "moa")] = verdict("a");
    progress.judgements[unitKey(p2.id, "moa")] = verdict("a");
    progress.judgements[unitKey(p3.id, "moa")] = verdict("b");
    progress.judgements[unitKey(p4.id, "moa")] = { ...verdict("tie"), consistent: false, error: "the answer set has no answer for this prompt" };

    expect(sideRun(plan, progress, p2.id, FILE_REFERENCE_ID)?.text).toHaveLength(20);
    expect(sideRun(plan, progress, p4.id, FILE_REFERENCE_ID)).toBeUndefined();
    const lc = lcWinRates(plan, progress).get("moa")!;
    expect(lc.n).toBe(3);
    expect(lc.meanModelLength).toBe(30);
    expect(lc.meanBaselineLength).toBe(20);
    expect(lc.winRate).toBeCloseTo(2 / 3, 10);

    const [moa] = summarize(plan, progress);
    expect(moa.winRate).toMatchObject({ wins: 2, losses: 1, ties: 0 });
    expect(moa.unreadable).toBe(1);
    expect(summarizeComparisons(plan, progress)[0]).toMatchObject({ labelA: "MoA", labelB: "Reference outputs (gpt4_1106_preview)" });
  });

  it("estimates the judge's reading of the set from its real answers, not the assumed length", () => {
    const plan = alpacaPlan();
    const lookup: ModelLookup = () => ({ pricePerMTokens: { input: 1, output: 1 } });
    const assume = { answerTokens: 500, judgeOutputTokens: 0, rankerOutputTokens: 0, synthesisOverheadTokens: 0, judgeOverheadTokens: 0, rankerOverheadTokens: 0 };
    const judge = estimateExperimentCost({ ...plan, prompts: [plan.prompts[0]] }, lookup, assume).judge;
    // Prompt "Explain tides simply." = 21 chars → 6 tokens; the variant 500; the reference's 10 characters → 3 tokens. Two orders.
    expect(judge.inputTokens).toBe(2 * (6 + 500 + 3));
  });
});

describe("another experiment's variant as side b", () => {
  it("keeps its finished answers by prompt id, and only those of the prompts a new plan runs", () => {
    const earlier = alpacaPlan();
    const progress = emptyProgress();
    const [p1, p2, p3] = earlier.prompts;
    progress.runs[unitKey(p1.id, "moa")] = run("first answer");
    progress.runs[unitKey(p2.id, "moa")] = { ...run("half"), status: "failed" };
    progress.runs[unitKey(p3.id, "moa")] = run("  ");
    const set = answerSetFromExperiment({ ...earlier, name: "Earlier" }, progress, "moa")!;
    expect(set).toEqual({ id: STORED_ANSWERS_ID, label: "MoA (earlier experiment)", source: 'the answers of "MoA" in Earlier', answers: { [p1.id]: "first answer" } });
    expect(answerSetFromExperiment(earlier, progress, "nobody")).toBeUndefined();
    expect(keepPrompts({ ...set, answers: { a: "1", b: "2" } }, ["b", "c"]).answers).toEqual({ b: "2" });
  });
});
