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
    judge: ({ a }, signal) => {
      judged.push(a.run.text);
      if (options.failOn && a.run.text.includes(options.failOn)) return Promise.reject(new Error("judge exploded"));
      const judgement: Judgement = { winner: "a", consistent: true, reasons: ["better"], runIds: ["j1", "j2"] };
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

  it("leaves a failed judge call out of n (counted as unreadable), and counts a variant without an answer as a loss without asking the judge", async () => {
    const fake = fakeDeps({ failOn: "two" });
    fake.deps.runVariant = async (variant, conversation) =>
      variant.id === "moa" && conversation[0].content === "three"
        ? result("", { status: "failed", error: "all agents failed" })
        : result(`${variant.id}:${conversation[0].content}`);
    const progress = await runExperiment(plan, emptyProgress(), fake.deps, { concurrency: 2, signal: new AbortController().signal });

    expect(progress.judgements[unitKey("p2", "moa")]).toMatchObject({ error: "judge exploded" });
    expect(progress.judgements[unitKey("p3", "moa")]).toMatchObject({ winner: "b" });
    expect(fake.judged).not.toContain("");
    const moa = summarize(plan, progress).find((s) => s.variantId === "moa")!;
    // p1 won, p2 unreadable, p3 lost: n = 2 and the rate is 1/2, not (1 + ½)/3 as when it counted as a tie.
    expect(moa.winRate).toMatchObject({ n: 2, wins: 1, ties: 0, losses: 1, unreadable: 1, rate: 0.5 });
    expect(moa.unreadable).toBe(1);
    expect(moa.failedRuns).toBe(1);
  });

  it("records nothing for a judge call that never reached the server (a reload aborts it), so a resume judges it", async () => {
    const fake = fakeDeps();
    const judge = fake.deps.judge;
    let unloading = true;
    fake.deps.judge = (input, signal) => (unloading && input.a.run.text.includes("two") ? Promise.reject(new TypeError("Failed to fetch")) : judge(input, signal));
    await expect(runExperiment(plan, emptyProgress(), fake.deps, { concurrency: 1, signal: new AbortController().signal })).rejects.toThrow("Failed to fetch");
    const saved = fake.saves.at(-1)!;
    expect(saved.judgements[unitKey("p2", "moa")]).toBeUndefined();

    unloading = false;
    const progress = await runExperiment(plan, saved, fake.deps, { concurrency: 1, signal: new AbortController().signal });
    expect(progress.judgements[unitKey("p2", "moa")]).toMatchObject({ winner: "a" });
    expect(summarize(plan, progress).find((s) => s.variantId === "moa")!.unreadable).toBe(0);
  });

  it("refuses a plan whose reference is not one of its variants", async () => {
    const fake = fakeDeps();
    await expect(runExperiment({ ...plan, reference: "nope" }, emptyProgress(), fake.deps, { concurrency: 1, signal: new AbortController().signal })).rejects.toThrow(/reference/);
  });

  it("judges explicit pairs (side a first) and the received answers of the layered variants it names, resuming both", async () => {
    const layered = { layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }, { agents: [{ model: "sim:owl" }] }] };
    const pairs: ExperimentPlan = {
      ...plan,
      reference: undefined,
      variants: [...plan.variants, { id: "two", label: "Two layers", variant: "moa", config: layered }],
      comparisons: [
        { id: "two-vs-single", label: "Two vs single", a: "two", b: "single" },
        { id: "moa-vs-two", label: "MoA vs two", a: "moa", b: "two" },
      ],
      received: ["two", "single"],
    };
    const fake = fakeDeps();
    const analysed: string[] = [];
    fake.deps.analyseReceived = async ({ variant, run }) => {
      analysed.push(`${variant.id}/${run.text}`);
      return { layers: [] };
    };
    const controller = new AbortController();
    const original = fake.deps.onProgress;
    fake.deps.onProgress = (p) => {
      original(p);
      if (fake.saves.length === 10) controller.abort();
    };
    const partial = await runExperiment(pairs, emptyProgress(), fake.deps, { concurrency: 1, signal: controller.signal });
    const progress = await runExperiment(pairs, partial, fake.deps, { concurrency: 2, signal: new AbortController().signal });

    // 3 prompts × (3 runs + 2 comparisons + 1 analysed variant: "single" has one layer, nothing was aggregated).
    expect(totalSteps(pairs)).toBe(18);
    expect(doneSteps(pairs, progress)).toBe(18);
    // The judge saw side a first: the comparison's a, never its b ("single" is only ever b).
    expect(new Set(fake.judged.map((t) => t.split(":")[0]))).toEqual(new Set(["two", "moa"]));
    expect(Object.keys(progress.judgements)).toHaveLength(6);
    expect([...new Set(analysed)].sort()).toEqual(["two/two:one", "two/two:three", "two/two:two"]);
    expect(Object.keys(progress.received)).toHaveLength(3);
    // Side a won every verdict: "two" won as a and lost as b, so its pooled rate is 1/2; "moa" only won.
    const byId = new Map(summarize(pairs, progress).map((s) => [s.variantId, s.winRate?.rate]));
    expect([byId.get("moa"), byId.get("two"), byId.get("single")]).toEqual([1, 0.5, 0]);
  });

  it("refuses a comparison of a variant the plan does not have", async () => {
    const fake = fakeDeps();
    const bad: ExperimentPlan = { ...plan, reference: undefined, comparisons: [{ id: "x", label: "X", a: "moa", b: "ghost" }] };
    await expect(runExperiment(bad, emptyProgress(), fake.deps, { concurrency: 1, signal: new AbortController().signal })).rejects.toThrow(/variant/);
  });
});
