import { describe, expect, it } from "vitest";
import { ablationGrid, gridOfPlan, GRID_IDS } from "@/lib/experiments/ablation-grids";
import { experimentSpecSchema } from "@/lib/experiments/jobs/spec";
import type { MoAConfig } from "@/lib/moa/config";

const judge = "sim:owl";
const finalModel = (c: MoAConfig) => c.layers.at(-1)!.agents[0].model;
const proposerModels = (c: MoAConfig) => c.layers[0].agents.map((a) => a.model);

describe("ablation grids", () => {
  it("Table 3: n ∈ {1,2,3,6}, multiple vs single with the same aggregator and depth, paper figures beside", () => {
    const grid = ablationGrid("proposers", { judge });
    const byId = new Map(grid.plan.variants.map((v) => [v.id, v]));
    expect([...byId.keys()]).toEqual(["multi-1", "multi-2", "single-2", "multi-3", "single-3", "multi-6", "single-6", "reference"]);
    for (const n of [2, 3, 6]) {
      const multi = byId.get(`multi-${n}`)!.config;
      const single = byId.get(`single-${n}`)!.config;
      // One factor: the proposers. Aggregator, depth and n are equal.
      expect(finalModel(single)).toBe(finalModel(multi));
      expect(single.layers).toHaveLength(multi.layers.length);
      expect(single.layers[0].agents).toHaveLength(n);
      expect(new Set(proposerModels(single)).size).toBe(1);
      expect(new Set(proposerModels(multi)).size).toBe(n);
    }
    expect(grid.rows.find((r) => r.variantId === "multi-6")?.paper).toBe("61.3%");
    expect(grid.rows.find((r) => r.variantId === "single-6")?.paper).toBe("56.7%");
    expect(grid.rows.find((r) => r.variantId === "multi-1")?.paper).toBe("47.8%");
  });

  it("Table 4: every model aggregates the same proposers; named paper models get their figure", () => {
    const sim = ablationGrid("aggregators", { judge });
    const aggregated = sim.plan.variants.filter((v) => v.id !== "reference");
    expect(new Set(aggregated.map((v) => proposerModels(v.config).join())).size).toBe(1);
    expect(aggregated.map((v) => finalModel(v.config))).toEqual(["sim:owl", "sim:orca", "sim:otter", "sim:heron", "sim:lynx", "sim:badger", "sim:falcon"]);
    const real = ablationGrid("aggregators", {
      judge,
      models: { proposers: ["together:Qwen/Qwen1.5-110B-Chat", "together:meta-llama/Llama-3-70b-chat-hf"], aggregator: "together:microsoft/WizardLM-2-8x22B", otherAggregator: "x" },
    });
    expect(real.rows.map((r) => r.paper)).toEqual(["52.9%", "61.3%", "45.0%"]);
  });

  it("Figure 4a: MoA and the ranker share the config at each depth; depth runs 1 to 4 layers", () => {
    const ranker = ablationGrid("ranker", { judge }).plan.variants;
    expect(ranker.find((v) => v.id === "ranker-3")?.config).toEqual(ranker.find((v) => v.id === "moa-3")?.config);
    expect(ranker.find((v) => v.id === "ranker-3")?.variant).toBe("ranker");
    const depth = ablationGrid("depth", { judge }).plan.variants.filter((v) => v.id !== "reference");
    expect(depth.map((v) => v.config.layers.length)).toEqual([1, 2, 3, 4]);
    expect(new Set(depth.map((v) => finalModel(v.config))).size).toBe(1);
  });

  it("each grid is a valid job spec and is recognised again from the stored plan", () => {
    for (const id of GRID_IDS) {
      const grid = ablationGrid(id, { judge });
      expect(experimentSpecSchema.safeParse({ plan: grid.plan }).success).toBe(true);
      const stored = { ...grid.plan, id: "server-assigned" };
      expect(gridOfPlan(stored)?.rows).toEqual(grid.rows);
    }
    expect(gridOfPlan({ ...ablationGrid("depth", { judge }).plan, name: "Something else" })).toBeUndefined();
  });
});
