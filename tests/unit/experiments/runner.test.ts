import { describe, expect, it } from "vitest";
import { doneSteps, runExperiment, totalSteps, type RunnerDeps } from "@/lib/experiments/runner";
import { summarize } from "@/lib/experiments/results";
import { emptyProgress, unitKey, type ExperimentPlan, type ExperimentProgress, type Judgement, type RunResult } from "@/lib/experiments/types";

const config = { layers: [{ agents: [{ model: "sim:a" }] }] };
const plan: ExperimentPlan = {
  id: "exp-1",
  name: "test",
  createdAt: "2026-01-01T00:00:00Z",
  prompts: [
    { id: "p1", prompt: "one" },
    { id: "p2", prompt: "two" },
    { id: "p3", prompt: "three" },
  ],
  variants: [
    { id: "moa", label: "MoA", variant: "moa", config },
    { id: "single", label: "Single", variant: "moa", config },
  ],
  reference: "single",
  judge: "sim:owl",
};

const result = (text: string, overrides: Partial<RunResult> = {}): RunResult => ({
  runId: `run-${text}`, status: "finished", text, inputTokens: 10, outputTokens: 5, costUsd: 0.01, costEstimated: false, tflops: 1, durationMs: 100, ...overrides,
});

/** Fake deps that answer after a tick and record what ran and how much ran at once. */
function fakeDeps(options: { failOn?: string } = {}) {
  const ran: string[] = [];
  const judged: string[] = [];
  const saves: ExperimentProgress[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const busy = async <T>(value: T, signal: AbortSignal): Promise<T> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (signal.aborted) throw new Error("aborted");
      return value;
    } finally {
      inFlight--;
    }
  };
  const deps: RunnerDeps = {
    runVariant: (variant, conversation, signal) => {
      ran.push(`${conversation[0].content}/${variant.id}`);
      return busy(result(`${variant.id}:${conversation[0].content}`), signal);
    },
    judge: ({ variant }, signal) => {
      judged.push(variant);
      if (options.failOn && variant.includes(options.failOn)) return Promise.reject(new Error("judge exploded"));
      const judgement: Judgement = { winner: "variant", consistent: true, reasons: ["better"], runIds: ["j1", "j2"] };
      return busy(judgement, signal);
    },
    onProgress: (p) => saves.push(p),
  };
  return { deps, ran, judged, saves, maxInFlight: () => maxInFlight };
}

describe("runExperiment", () => {
  it("runs every variant on every prompt and judges each against the reference, never more than `concurrency` at once", async () => {
    const fake = fakeDeps();
    const progress = await runExperiment(plan, emptyProgress(), fake.deps, { concurrency: 2, signal: new AbortController().signal });

    expect(fake.ran).toHaveLength(6);
    expect(fake.judged).toEqual(["moa:one", "moa:two", "moa:three"]);
    expect(fake.maxInFlight()).toBe(2);
    expect(doneSteps(plan, progress)).toBe(totalSteps(plan));
    const moa = summarize(plan, progress).find((s) => s.variantId === "moa");
    expect(moa?.winRate?.rate).toBe(1);
    expect(moa?.winRate?.n).toBe(3);
  });

  it("resumes after an interruption without redoing what was saved", async () => {
    const controller = new AbortController();
    const first = fakeDeps();
    const original = first.deps.onProgress;
    // Stop after the third saved step, as a closed tab would.
    first.deps.onProgress = (p) => {
      original(p);
      if (first.saves.length === 3) controller.abort();
    };
    await runExperiment(plan, emptyProgress(), first.deps, { concurrency: 1, signal: controller.signal });
    const saved = first.saves.at(-1)!;
    expect(doneSteps(plan, saved)).toBe(3);

    const second = fakeDeps();
    const progress = await runExperiment(plan, saved, second.deps, { concurrency: 2, signal: new AbortController().signal });
    expect(doneSteps(plan, progress)).toBe(totalSteps(plan));
    // Nothing that was already saved ran again.
    const ranBefore = Object.keys(saved.runs).length;
    expect(second.ran).toHaveLength(6 - ranBefore);
    for (const key of Object.keys(saved.runs)) expect(progress.runs[key]).toEqual(saved.runs[key]);
  });

  it("counts a failed judge call as a tie with its error, and a variant without an answer as a loss without asking the judge", async () => {
    const fake = fakeDeps({ failOn: "two" });
    fake.deps.runVariant = async (variant, conversation) =>
      variant.id === "moa" && conversation[0].content === "three"
        ? result("", { status: "failed", error: "all agents failed" })
        : result(`${variant.id}:${conversation[0].content}`);
    const progress = await runExperiment(plan, emptyProgress(), fake.deps, { concurrency: 2, signal: new AbortController().signal });

    expect(progress.judgements[unitKey("p2", "moa")]).toMatchObject({ winner: "tie", error: "judge exploded" });
    expect(progress.judgements[unitKey("p3", "moa")]).toMatchObject({ winner: "reference" });
    expect(fake.judged).not.toContain("");
    const moa = summarize(plan, progress).find((s) => s.variantId === "moa")!;
    expect(moa.winRate).toMatchObject({ wins: 1, ties: 1, losses: 1 });
    expect(moa.judgeErrors).toBe(1);
    expect(moa.failedRuns).toBe(1);
  });

  it("refuses a plan whose reference is not one of its variants", async () => {
    const fake = fakeDeps();
    await expect(runExperiment({ ...plan, reference: "nope" }, emptyProgress(), fake.deps, { concurrency: 1, signal: new AbortController().signal })).rejects.toThrow(/reference/);
  });
});
