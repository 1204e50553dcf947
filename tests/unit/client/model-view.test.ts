import { describe, expect, it } from "vitest";
import { runTotals } from "@/components/run/run-totals";
import { runFigures } from "@/lib/analysis/cost";
import { displayName, findModel, modelView, shortModel } from "@/lib/client/model-view";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import { listModels } from "@/lib/providers/list-models";
import { baseModelId } from "@/lib/providers/sim/sim-id";
import { finishedRun, stamp } from "./fixtures";

const stateOf = (events: RunEvent[]): RunState => events.reduce(reduceRun, initialRunState("run-1"));

describe("one model view in the browser", () => {
  it("names a sim id by its base model whatever settings its query carries", () => {
    const listed = [{ id: "sim:falcon", provider: "sim", name: "Falcon (simulated)", available: true, simulated: true }];
    for (const id of ["sim:falcon", "sim:falcon?tps=400", "sim:falcon?ttft=20&tps=400&tokens=120", "sim:falcon?keep=0&tps=9"]) {
      expect(baseModelId(id)).toBe("sim:falcon");
      expect(shortModel(id)).toBe("falcon");
      expect(findModel(listed, id)?.id).toBe("sim:falcon");
      expect(displayName(id)).toBe("Falcon (simulated)");
      expect(displayName(id, listed)).toBe("Falcon (simulated)");
    }
    expect(modelView("sim:owl?tps=9&keep=0").label).toBe("Owl · keep 0");
    expect(modelView("sim:owl?tps=9").label).toBe("Owl");
  });

  it("reads the same before and after GET /api/models answers", async () => {
    const { models } = await listModels({ env: {} });
    for (const m of models.filter((x) => x.simulated)) {
      expect(displayName(`${m.id}?tps=50`)).toBe(displayName(`${m.id}?tps=50`, models));
    }
    expect(displayName("openai:gpt-4o", models)).toBe("GPT-4o");
    expect(displayName("compat:my-model", models)).toBe("compat:my-model");
    expect(displayName(null, models)).toBe("empty");
  });
});

describe("one cost in the browser", () => {
  it("the final answer's cost is the run figures' total", () => {
    const run = stateOf(finishedRun());
    const totals = runTotals(run);
    expect(totals.costUsd).toBeGreaterThan(0);
    expect(totals.costUsd).toBe(runFigures(run, lookupModel).total.costUsd);
    expect(totals).toMatchObject({ inputTokens: 30, outputTokens: 15, estimatedTokens: false, durationMs: 150 });
  });

  it("shows no cost when a model with tokens has no price, rather than a partial sum", () => {
    const mystery = { layers: [{ agents: [{ model: "sim:falcon" }, { model: "compat:mystery" }] }, { agents: [{ model: "sim:owl" }] }] };
    const events = finishedRun().map((e): RunEvent => {
      if (e.type === "run-started") return { ...e, config: mystery };
      return e.type === "agent-started" && e.layer === 0 && e.agent === 1 ? { ...e, model: "compat:mystery" } : e;
    });
    const run = stateOf(events);
    expect(runFigures(run, lookupModel).total.unpricedModels).toEqual(["compat:mystery"]);
    expect(runTotals(run).costUsd).toBeUndefined();
  });

  it("estimates the tokens of answers still streaming and prices nothing before any usage", () => {
    const run = stateOf(
      stamp("run-1", [
        { type: "run-started", config: { layers: [{ agents: [{ model: "sim:falcon" }] }] }, messages: [{ role: "user", content: "Hi" }] },
        { type: "layer-started", layer: 0 },
        { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
        { type: "agent-delta", layer: 0, agent: 0, text: "twelve chars" },
      ]),
    );
    expect(runTotals(run)).toMatchObject({ outputTokens: 3, estimatedTokens: true, costUsd: undefined });
  });
});
