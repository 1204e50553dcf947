import { describe, expect, it } from "vitest";
import { runFigures, type ModelLookup } from "@/lib/analysis/cost";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";

function stateOf(bodies: RunEventBody[]) {
  return bodies.reduce((s, body, seq) => reduceRun(s, { ...body, runId: "r", seq, t: seq * 10 } as RunEvent), initialRunState("r"));
}

const finished = (agent: number, usage: { inputTokens: number; outputTokens: number; reasoningTokens?: number }): RunEventBody => ({
  type: "agent-finished", layer: 0, agent, text: "ok", usage, ttftMs: 1, durationMs: 2,
});

const run = (models: string[]) =>
  stateOf([
    { type: "run-started", config: { layers: [{ agents: models.map((model) => ({ model })) }] }, messages: [{ role: "user", content: "q" }] },
    finished(0, { inputTokens: 1_000, outputTokens: 3_000, reasoningTokens: 2_000 }),
    ...(models.length > 1 ? [finished(1, { inputTokens: 1_000, outputTokens: 1_000 })] : []),
  ]);

describe("reasoning tokens in the cost figures", () => {
  it("counts reasoning tokens apart and prices them at the output price when no reasoning price is known", () => {
    const lookup: ModelLookup = () => ({ pricePerMTokens: { input: 1, output: 4 } });
    const { agents, total } = runFigures(run(["x:r", "x:plain"]), lookup);
    // (1,000 · $1 + 1,000 · $4 + 2,000 · $4) / 1e6
    expect(agents[0][0].costUsd).toBeCloseTo(0.013, 12);
    expect(agents[0][0].reasoningCostUsd).toBeCloseTo(0.008, 12);
    expect(agents[0][1].reasoningTokens).toBe(0);
    expect(total).toMatchObject({ outputTokens: 4_000, reasoningTokens: 2_000 });
    expect(total.reasoningCostUsd).toBeCloseTo(0.008, 12);
  });

  it("uses the catalog's own reasoning price when it has one", () => {
    const lookup: ModelLookup = () => ({ pricePerMTokens: { input: 1, output: 4, reasoning: 10 } });
    const { agents } = runFigures(run(["x:r"]), lookup);
    expect(agents[0][0].reasoningCostUsd).toBeCloseTo(0.02, 12);
    expect(agents[0][0].costUsd).toBeCloseTo(0.025, 12);
  });

  it("prices a DeepSeek-R1 run from the models.dev catalog", () => {
    const { total } = runFigures(run(["together:deepseek-ai/DeepSeek-R1"]), lookupModel);
    // models.dev: $3 in, $7 out per million; reasoning billed as output.
    expect(total.costUsd).toBeCloseTo((1_000 * 3 + 3_000 * 7) / 1e6, 12);
    expect(total.reasoningCostUsd).toBeCloseTo((2_000 * 7) / 1e6, 12);
  });
});
