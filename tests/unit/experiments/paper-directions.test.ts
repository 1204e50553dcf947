import { describe, expect, it } from "vitest";
import { paperDirectionsPlan, paperModelsFromBoard } from "@/lib/experiments/paper-directions";
import { totalUnits } from "@/lib/experiments/jobs/units";
import { experimentPlanSchema, type VariantSpec } from "@/lib/experiments/types";
import { lookupModel } from "@/lib/providers/catalog";

const plan = paperDirectionsPlan({ judge: "sim:owl", lookup: lookupModel, now: new Date("2026-01-01T00:00:00Z") });
const byId = new Map(plan.variants.map((v) => [v.id, v]));
const finalOf = (v: VariantSpec) => v.config.layers.at(-1)!.agents[0];
const proposersOf = (v: VariantSpec) => v.config.layers[0].agents.map((a) => `${a.model}@${a.temperature}`);

describe("paperDirectionsPlan", () => {
  it("is a valid plan whose comparisons name its variants, with unique ids and labels", () => {
    expect(experimentPlanSchema.safeParse(plan).success).toBe(true);
    for (const c of plan.comparisons!) expect([byId.has(c.a), byId.has(c.b)]).toEqual([true, true]);
    expect(new Set(plan.variants.map((v) => v.label)).size).toBe(plan.variants.length);
    expect(new Set(plan.comparisons!.map((c) => c.id)).size).toBe(plan.comparisons!.length);
    // 12 variants, 11 comparisons, 3 analysed variants, on the 12 built-in prompts.
    expect(totalUnits(plan)).toBe(12 * (12 + 11 + 3));
  });

  it("changes one thing per ablation: b and c keep the aggregator, d keeps the proposers, f keeps the whole config", () => {
    const arms = (id: string) => {
      const c = plan.comparisons!.find((x) => x.id === id)!;
      return [byId.get(c.a)!, byId.get(c.b)!] as const;
    };
    for (const id of ["b-2", "b-3", "b-6", "c"]) {
      const [a, b] = arms(id);
      expect(finalOf(a)).toEqual(finalOf(b));
      expect(finalOf(a).model).toBe("sim:owl");
    }
    // c: six diverse models against six samples of the best one (orca, by the catalog's parameter count) at T 0.7.
    const [diverse, self] = arms("c");
    expect(new Set(proposersOf(diverse)).size).toBe(6);
    expect(proposersOf(self)).toEqual(Array(6).fill("sim:orca@0.7"));
    const [owl, orca] = arms("d");
    expect(proposersOf(owl)).toEqual(proposersOf(orca));
    expect([finalOf(owl).model, finalOf(orca).model]).toEqual(["sim:owl", "sim:orca"]);
    const [moa, ranker] = arms("f");
    expect(ranker.config).toEqual(moa.config);
    expect([moa.variant, ranker.variant]).toEqual(["moa", "ranker"]);
    // Selection and synthesis over the same proposers' answers, as at Figure 4a's first aggregation.
    const [lite, picker] = arms("f-2");
    expect(picker.config).toEqual(lite.config);
    expect([lite.config.layers.length, picker.variant]).toEqual([2, "ranker"]);
    expect(arms("e-4").map((v) => v.config.layers.length)).toEqual([4, 3]);
    expect(arms("a")[1].config).toEqual({ layers: [{ agents: [{ model: "sim:orca", temperature: 0.7, maxTokens: 2048 }] }] });
  });

  it("runs on the board's reachable models too, the strongest proposer first", () => {
    const board = {
      layers: [
        { agents: [{ model: "openai:gpt-4o-mini" }, { model: "together:meta-llama/Llama-3.3-70B-Instruct-Turbo" }, { model: "groq:llama-3.1-8b-instant" }] },
        { agents: [{ model: "openai:gpt-4o" }] },
      ],
    };
    const models = paperModelsFromBoard(board, lookupModel)!;
    expect(models.aggregator).toBe("openai:gpt-4o");
    expect(models.proposers).toHaveLength(3);
    expect(models.proposers[0]).toBe("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    const real = paperDirectionsPlan({ models, judge: "openai:gpt-4o", lookup: lookupModel });
    expect(real.variants.every((v) => v.config.layers.flatMap((l) => l.agents).every((a) => !a.model.startsWith("sim:")))).toBe(true);
    expect(paperModelsFromBoard({ layers: [{ agents: [{ model: "sim:owl" }] }] }, lookupModel)).toBeUndefined();
  });
});
