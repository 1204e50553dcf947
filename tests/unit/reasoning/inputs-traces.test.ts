import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { createModelResolver } from "@/lib/providers/registry";
import { agentInputsFromRun } from "@/lib/teach/agent-inputs";
import { ask, run } from "../moa/helpers";

const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "1000" } });
const board = (readReasoning: boolean): MoAConfig => ({
  layers: [{ agents: [{ model: "sim:thinker", reasoningEffort: "low" }, { model: "sim:falcon" }] }, { agents: [{ model: "sim:owl" }], readReasoning }],
});

async function aggregatorInputs(readReasoning: boolean) {
  const events = await run(board(readReasoning), ask("Why do we have seasons?"), { resolveModel });
  const state = events.reduce(reduceRun, initialRunState("run-1"));
  return { inputs: agentInputsFromRun(state, 1, 0)!, thinker: state.agents[0][0] };
}

describe("the Inputs view with trace-level synthesis", () => {
  it("shows the aggregator the proposers' reasoning, highlighted apart from their answers, when the layer reads it", async () => {
    const { inputs, thinker } = await aggregatorInputs(true);
    expect(inputs.readsReasoning).toBe(true);
    const system = inputs.messages[0].content;
    const traces = inputs.quoted.filter((q) => q.kind === "trace");
    const answers = inputs.quoted.filter((q) => q.kind === "answer");
    expect(answers.map((q) => q.agent)).toEqual([0, 1]);
    expect(traces.map((q) => q.agent)).toEqual([0, 1]);
    expect(system.slice(traces[0].start, traces[0].end)).toBe(thinker.reasoning!.trim());
    expect(system.slice(answers[0].start, answers[0].end)).toBe(thinker.text);
  });

  it("shows answers only when the switch is off", async () => {
    const { inputs, thinker } = await aggregatorInputs(false);
    expect(inputs.readsReasoning).toBe(false);
    expect(inputs.quoted.every((q) => q.kind === "answer")).toBe(true);
    expect(inputs.messages[0].content).not.toContain(thinker.reasoning!.trim());
  });
});
