import { describe, expect, it } from "vitest";
import { runFigures, type ModelLookup } from "@/lib/analysis/cost";
import { criticalPath } from "@/lib/analysis/critical-path";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";

// A catalog entry must be usable as the lookup as it is.
const catalogLookup: ModelLookup = lookupModel;

const facts: Record<string, ReturnType<ModelLookup>> = {
  // $1 per million input tokens, $2 per million output tokens, 10B active parameters
  "x:priced": { pricePerMTokens: { input: 1, output: 2 }, activeParamsB: 10 },
  "x:sized-only": { activeParamsB: 1 },
};
const lookup: ModelLookup = (id) => facts[id];

const config: MoAConfig = {
  layers: [
    { agents: [{ model: "x:priced" }, { model: "x:unknown" }, { model: "x:priced" }, { model: "x:priced" }] },
    { agents: [{ model: "x:priced" }] },
  ],
};

/** Events at explicit times, so the critical path is known. */
function runOf(timed: Array<[number, RunEventBody]>): RunState {
  return timed.reduce(
    (state, [t, body], seq) => reduceRun(state, { ...body, runId: "r", seq, t } as RunEvent),
    initialRunState("r"),
  );
}
const started = (layer: number, agent: number): RunEventBody => ({ type: "agent-started", layer, agent, model: "?" });
const finished = (layer: number, agent: number, inputTokens: number, outputTokens: number): RunEventBody => ({
  type: "agent-finished",
  layer,
  agent,
  text: "ok",
  usage: { inputTokens, outputTokens },
  ttftMs: 5,
  durationMs: 50,
});

const state = runOf([
  [0, { type: "run-started", config, messages: [{ role: "user", content: "q" }] }],
  [0, started(0, 0)],
  [0, started(0, 1)],
  [0, started(0, 2)],
  [0, started(0, 3)],
  [1200, finished(0, 0, 1_000, 500)],
  [1500, finished(0, 1, 2_000, 1_000)],
  [1800, { type: "agent-failed", layer: 0, agent: 2, kind: "timeout", message: "slow", retryable: true, partialText: "" }],
  [2500, { type: "agent-skipped", layer: 0, agent: 3, reason: "deadline", partialText: "" }],
  [2500, { type: "layer-finished", layer: 0, succeeded: 2, failed: 1, skipped: 1, durationMs: 2_500 }],
  [2500, started(1, 0)],
  [4000, finished(1, 0, 4_000, 300)],
  [4000, { type: "layer-finished", layer: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 1_500 }],
  [4000, { type: "run-finished", text: "ok", usage: { inputTokens: 7_000, outputTokens: 1_800 }, durationMs: 4_000 }],
]);

describe("runFigures", () => {
  const figures = runFigures(state, lookup);

  it("prices and sizes each agent from the lookup", () => {
    const [a0, a1, a2, a3] = figures.agents[0];
    // (1,000 · $1 + 500 · $2) / 1,000,000 = $0.002; 2 · 10e9 · 1,500 = 3e13 FLOPs = 30 TFLOPs
    expect(a0).toMatchObject({ inputTokens: 1_000, outputTokens: 500, estimated: false, tflopsEstimated: false });
    expect(a0.costUsd).toBeCloseTo(0.002, 12);
    expect(a0.tflops).toBeCloseTo(30, 9);
    // Unknown model: nothing known, both figures flagged.
    expect(a1).toMatchObject({ costUsd: 0, estimated: true, tflops: 0, tflopsEstimated: true, unpricedModels: ["x:unknown"] });
    // Failed and skipped agents report no usage: zero tokens, counted as unmeasured, nothing to flag.
    expect(a2).toMatchObject({ inputTokens: 0, costUsd: 0, estimated: false, unmeasuredAgents: 1 });
    expect(a3).toMatchObject({ inputTokens: 0, unmeasuredAgents: 1 });
  });

  it("sums layers and the run, keeping the known part of the cost when a price is missing", () => {
    const [l0, l1] = figures.layers;
    expect(l0).toMatchObject({ inputTokens: 3_000, outputTokens: 1_500, estimated: true, unmeasuredAgents: 2, durationMs: 2_500 });
    expect(l0.costUsd).toBeCloseTo(0.002, 12);
    expect(l0.tflops).toBeCloseTo(30, 9);
    // (4,000 · $1 + 300 · $2) / 1e6 = $0.0046; 2 · 10 · 4,300 / 1,000 = 86 TFLOPs
    expect(l1.costUsd).toBeCloseTo(0.0046, 12);
    expect(l1.tflops).toBeCloseTo(86, 9);
    expect(l1.estimated).toBe(false);
    expect(figures.total).toMatchObject({
      inputTokens: 7_000,
      outputTokens: 1_800,
      estimated: true,
      tflopsEstimated: true,
      unpricedModels: ["x:unknown"],
      unsizedModels: ["x:unknown"],
      unmeasuredAgents: 2,
      durationMs: 4_000,
    });
    expect(figures.total.costUsd).toBeCloseTo(0.0066, 12);
    expect(figures.total.tflops).toBeCloseTo(116, 9);
  });

  it("flags compute but not cost for a model with parameters and no price, and vice versa", () => {
    const only = runOf([
      [0, { type: "run-started", config: { layers: [{ agents: [{ model: "x:sized-only" }] }] }, messages: [{ role: "user", content: "q" }] }],
      [10, finished(0, 0, 500, 500)],
    ]);
    // 2 · 1 · 1,000 / 1,000 = 2 TFLOPs
    const { total } = runFigures(only, lookup);
    expect(total).toMatchObject({ estimated: true, tflopsEstimated: false, unpricedModels: ["x:sized-only"], unsizedModels: [] });
    expect(total.tflops).toBeCloseTo(2, 12);
  });

  it("follows, per layer, the agent the layer waited for last; a skipped straggler is not on the path", () => {
    // First layer: agent 3 was skipped at 2,500 ms, so the last one waited for is the failure at 1,800 ms.
    expect(figures.criticalPath).toEqual([
      { layer: 0, agent: 2, model: "x:priced", finishedAt: 1_800 },
      { layer: 1, agent: 0, model: "x:priced", finishedAt: 4_000 },
    ]);
    expect(figures.layers.map((l) => l.criticalAgent)).toEqual([2, 0]);
    expect(criticalPath(state)).toEqual(figures.criticalPath);
  });

  it("flags models missing from the real catalog", () => {
    const local = runOf([
      [0, { type: "run-started", config: { layers: [{ agents: [{ model: "compat:my-local-model" }] }] }, messages: [{ role: "user", content: "q" }] }],
      [10, finished(0, 0, 10, 10)],
    ]);
    expect(runFigures(local, catalogLookup).total).toMatchObject({ estimated: true, unpricedModels: ["compat:my-local-model"] });
  });
});
