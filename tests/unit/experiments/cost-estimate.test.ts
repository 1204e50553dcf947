import { describe, expect, it } from "vitest";
import type { ModelLookup } from "@/lib/analysis/cost";
import { estimateExperimentCost, type EstimateAssumptions } from "@/lib/experiments/cost-estimate";
import type { ExperimentPlan } from "@/lib/experiments/types";
import { lookupModel } from "@/lib/providers/catalog";

const PRICES: Record<string, { input: number; output: number }> = {
  "openai:worker": { input: 1, output: 2 },
  "openai:judge": { input: 3, output: 6 },
};
const lookup: ModelLookup = (id) => (PRICES[id] ? { pricePerMTokens: PRICES[id] } : undefined);

const ASSUME: EstimateAssumptions = {
  answerTokens: 500,
  judgeOutputTokens: 80,
  rankerOutputTokens: 5,
  synthesisOverheadTokens: 100,
  judgeOverheadTokens: 200,
  rankerOverheadTokens: 50,
};

const PROMPT = "x".repeat(40); // 10 tokens at 4 characters a token

function plan(over: Partial<ExperimentPlan> = {}): ExperimentPlan {
  return {
    id: "e",
    name: "e",
    createdAt: "2026-01-01T00:00:00Z",
    prompts: [
      { id: "p1", prompt: PROMPT },
      { id: "p2", prompt: PROMPT, answer: "4" },
    ],
    variants: [
      {
        id: "moa",
        label: "MoA",
        variant: "moa",
        config: {
          layers: [
            { agents: [{ model: "openai:worker", maxTokens: 300 }, { model: "openai:worker", maxTokens: 300 }] },
            { agents: [{ model: "openai:worker", maxTokens: 1000 }] },
          ],
        },
      },
      { id: "single", label: "Single", variant: "moa", config: { layers: [{ agents: [{ model: "openai:worker" }] }] } },
    ],
    reference: "single",
    judge: "openai:judge",
    ...over,
  };
}

describe("estimateExperimentCost", () => {
  it("matches a hand-computed two-layer plan with a priced model and the judge", () => {
    const e = estimateExperimentCost(plan(), lookup, ASSUME);
    // MoA cell: layer 1 = 2 × (in 10, out min(500, 300) = 300); layer 2 reads prompt + overhead + both answers = 10 + 100 + 600 = 710, writes 500.
    //   tokens in 730, out 1100 → $ (730·1 + 1100·2) / 1e6 = 0.00293. Two prompts: 0.00586.
    const moa = e.variants.find((v) => v.id === "moa")!;
    expect(moa.calls).toBe(6);
    expect(moa.inputTokens).toBe(1460);
    expect(moa.outputTokens).toBe(2200);
    expect(moa.usd).toBeCloseTo(0.00586, 10);
    // Single cell: in 10, out 500 → $ (10 + 1000) / 1e6 = 0.00101; two prompts 0.00202.
    expect(e.variants.find((v) => v.id === "single")!.usd).toBeCloseTo(0.00202, 10);
    // Judge: p2 carries a MATH answer (exact match, no call); p1 = 2 orders × (in 200 + 10 + 500 + 500, out 80)
    //   → $ (2420·3 + 160·6) / 1e6 = 0.00822.
    expect(e.exactMatchVerdicts).toBe(1);
    expect(e.judge.calls).toBe(2);
    expect(e.judge.inputTokens).toBe(2420);
    expect(e.judge.usd).toBeCloseTo(0.00822, 10);
    expect(e.total.usd).toBeCloseTo(0.00586 + 0.00202 + 0.00822, 10);
    expect(e.total.calls).toBe(6 + 2 + 2);
    // Ceiling, every answer at its maxTokens: MoA cell $ (730 + (600 + 1000)·2) / 1e6 = 0.00393 (×2);
    //   single $ (10 + 2048·2) / 1e6 = 0.004106 (×2); judge 2 × (in 200 + 10 + 1000 + 2048 = 3258, out 80) = $ (6516·3 + 960) / 1e6 = 0.020508.
    expect(e.total.ceilingUsd).toBeCloseTo(2 * 0.00393 + 2 * 0.004106 + 0.020508, 10);
    expect(e.unpricedModels).toEqual([]);
    expect(e.simulatedOnly).toBe(false);
  });

  it("prices the ranker's pick as a short answer over the same inputs", () => {
    const p = plan();
    p.variants[0] = { ...p.variants[0], variant: "ranker" };
    const ranker = estimateExperimentCost({ ...p, prompts: [p.prompts[0]] }, lookup, ASSUME).variants[0];
    // Layer 1 as before (in 20, out 600); the pick reads 10 + 50 + 600 = 660 and writes 5.
    expect(ranker.inputTokens).toBe(680);
    expect(ranker.outputTokens).toBe(605);
  });

  it("counts the tokens of unpriced models without pricing them, and flags simulated prices", () => {
    const unpriced = estimateExperimentCost(plan({ judge: "ollama:llama3.2" }), lookup, ASSUME);
    expect(unpriced.unpricedModels).toEqual(["ollama:llama3.2"]);
    expect(unpriced.judge.inputTokens).toBe(2420);
    expect(unpriced.judge.usd).toBe(0);

    const sim = plan({ judge: "sim:owl" });
    for (const v of sim.variants) for (const l of v.config.layers) for (const a of l.agents) a.model = "sim:falcon";
    const simulated = estimateExperimentCost(sim, lookupModel, ASSUME);
    expect(simulated.simulatedOnly).toBe(true);
    expect(simulated.total.inputTokens).toBeGreaterThan(0);
  });
});
