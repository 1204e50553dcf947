import { describe, expect, it } from "vitest";
import { unitJobId } from "@/lib/experiments/jobs/boss";
import { verdictWithoutJudge } from "@/lib/experiments/jobs/cell-runner";
import { providerLimitFromEnv, withProviderSlots } from "@/lib/experiments/jobs/provider-limits";
import { experimentSpecSchema } from "@/lib/experiments/jobs/spec";
import { allCells, parseUnitKey, resolveUnit, totalUnits, unitKeyOf, verdictsTouching } from "@/lib/experiments/jobs/units";
import { etaMs, progressOf } from "@/lib/experiments/jobs/view";
import type { ExperimentCellRow } from "@/lib/db/schema";
import type { ExperimentPlan, RunResult } from "@/lib/experiments/types";

const one = (model: string) => ({ layers: [{ agents: [{ model }] }] });
const plan: ExperimentPlan = {
  id: "x",
  name: "p",
  createdAt: "2026-01-01T00:00:00.000Z",
  prompts: [
    { id: "q1", prompt: "Why?" },
    { id: "q2", prompt: "How?" },
  ],
  variants: [
    { id: "moa", label: "MoA", variant: "moa", config: { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }] } },
    { id: "one", label: "One", variant: "moa", config: one("sim:falcon") },
    { id: "ref", label: "Ref", variant: "moa", config: one("sim:heron") },
  ],
  reference: "ref",
  received: ["moa"],
  judge: "sim:owl",
};

const run = (status: RunResult["status"], text: string): RunResult => ({
  runId: "r",
  status,
  text,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  costEstimated: false,
  tflops: 0,
  durationMs: 0,
});

describe("experiment job units", () => {
  it("counts a cell per prompt and variant, a verdict per comparison and a received analysis per analysed variant", () => {
    expect(allCells(plan)).toHaveLength(6);
    expect(totalUnits(plan)).toBe(2 * (3 + 2 + 1));
    expect(verdictsTouching(plan, "ref").map((c) => c.id)).toEqual(["moa", "one"]);
    expect(verdictsTouching(plan, "one").map((c) => c.id)).toEqual(["one"]);
  });

  it("round-trips unit keys and resolves only units the plan has", () => {
    const ref = { kind: "verdict" as const, promptIndex: 1, subjectId: "one" };
    expect(parseUnitKey(unitKeyOf(ref))).toEqual(ref);
    expect(resolveUnit(plan, ref)?.comparison).toMatchObject({ a: "one", b: "ref" });
    expect(resolveUnit(plan, { kind: "cell", promptIndex: 2, subjectId: "one" })).toBeUndefined();
    expect(resolveUnit(plan, { kind: "received", promptIndex: 0, subjectId: "one" })).toBeUndefined();
    expect(resolveUnit(plan, { kind: "received", promptIndex: 0, subjectId: "moa" })?.variant?.id).toBe("moa");
    expect(parseUnitKey("cell:x:moa")).toBeUndefined();
  });

  it("gives a unit and attempt the same job id every time, and another attempt another id", () => {
    const id = unitJobId("e1", "cell:0:moa", 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(unitJobId("e1", "cell:0:moa", 0)).toBe(id);
    expect(unitJobId("e1", "cell:0:moa", 1)).not.toBe(id);
    expect(unitJobId("e2", "cell:0:moa", 0)).not.toBe(id);
  });

  it("needs no judge when a side has no answer: it loses; two without answers tie", () => {
    expect(verdictWithoutJudge(run("finished", "A"), run("failed", ""))?.winner).toBe("a");
    expect(verdictWithoutJudge(run("finished", "  "), run("finished", "B"))?.winner).toBe("b");
    expect(verdictWithoutJudge(run("failed", ""), run("cancelled", ""))?.winner).toBe("tie");
    expect(verdictWithoutJudge(run("finished", "A"), run("finished", "B"))).toBeUndefined();
  });

  it("refuses specs the queue could not finish: duplicate prompt ids, comparisons of missing variants, more prompts than the cap", () => {
    expect(experimentSpecSchema.safeParse({ plan }).success).toBe(true);
    expect(experimentSpecSchema.safeParse({ plan: { ...plan, prompts: [plan.prompts[0], plan.prompts[0]] } }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ plan: { ...plan, reference: "nobody" } }).success).toBe(false);
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: `p${i}`, prompt: "x" }));
    expect(experimentSpecSchema.safeParse({ plan: { ...plan, prompts: many } }).success).toBe(false);
    expect(experimentSpecSchema.safeParse({ plan: { ...plan, prompts: many.slice(0, 805) } }).success).toBe(true);
  });
});

describe("job progress", () => {
  const unit = (key: string, result: unknown, status = "done"): ExperimentCellRow =>
    ({ experimentId: "e", key, kind: "cell", promptId: "", subjectId: "", status, attempts: 1, instanceId: "i", runId: null, result, costUsd: 0, startedAt: new Date(), finishedAt: null }) as ExperimentCellRow;

  it("turns stored units into the page's progress, keyed by prompt id, leaving out units still running", () => {
    const progress = progressOf(plan, [
      unit("cell:1:one", run("finished", "answer")),
      unit("cell:0:one", run("finished", "not yet"), "running"),
      unit("verdict:1:one", { winner: "a", consistent: true, reasons: [], runIds: [] }),
      unit("received:0:moa", { layers: [] }),
    ]);
    expect(Object.keys(progress.runs)).toEqual(["q2\u0000one"]);
    expect(progress.judgements["q2\u0000one"].winner).toBe("a");
    expect(progress.received["q1\u0000moa"]).toEqual({ layers: [] });
  });

  it("estimates the time left from the last minute's pace, else from the pace so far, and gives none when idle for long", () => {
    const now = Date.parse("2026-01-01T01:00:00Z");
    const counts = { done: 100, running: 4, costUsd: 0, doneLastMinute: 30, firstStartedAt: new Date(now - 600_000), lastFinishedAt: new Date(now - 1000) };
    expect(etaMs(counts, 160, now)).toBe(120_000);
    expect(etaMs({ ...counts, doneLastMinute: 0 }, 160, now)).toBe(Math.round((599_000 / 100) * 60));
    expect(etaMs({ ...counts, doneLastMinute: 0, lastFinishedAt: new Date(now - 600_000) }, 160, now)).toBeNull();
    expect(etaMs(counts, 100, now)).toBeNull();
  });
});

describe("per-provider limits of jobs", () => {
  it("reads MOA_JOB_PROVIDER_LIMITS; real providers get a default pace, in-process ones none", () => {
    const env = { MOA_JOB_PROVIDER_LIMITS: "openai=30/2, together=120/8" };
    expect(providerLimitFromEnv("openai", env)).toEqual({ perMinute: 30, burst: 10, maxConcurrent: 2 });
    expect(providerLimitFromEnv("together", env).maxConcurrent).toBe(8);
    expect(providerLimitFromEnv("anthropic", env)).toEqual({ perMinute: 60, burst: 10, maxConcurrent: 4 });
    expect(providerLimitFromEnv("sim", env)).toEqual({ perMinute: 0, burst: 0, maxConcurrent: 0 });
  });

  it("holds a unit while its provider is at its concurrency limit and lets it go when a slot frees", async () => {
    process.env.MOA_JOB_PROVIDER_LIMITS = "limitedtest=1000/2";
    let inside = 0;
    let most = 0;
    let waits = 0;
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const unitOf = () =>
      withProviderSlots(
        ["limitedtest:model-a", "limitedtest:model-b"],
        async () => {
          inside++;
          most = Math.max(most, inside);
          // Hold the slot for a few turns of the event loop while the others try.
          for (let i = 0; i < 5; i++) await turn();
          inside--;
        },
        async () => {
          waits++;
          await turn();
        },
      );
    await Promise.all([unitOf(), unitOf(), unitOf(), unitOf()]);
    expect(most).toBe(2);
    expect(waits).toBeGreaterThan(0);
    delete process.env.MOA_JOB_PROVIDER_LIMITS;
  });
});
