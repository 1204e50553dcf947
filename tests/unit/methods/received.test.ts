import { describe, expect, it } from "vitest";
import { attribution } from "@/lib/analysis/similarity";
import { runMoA } from "@/lib/moa/engine";
import { configForMethod } from "@/lib/moa/methods/from-board";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { agentInputsFromRun } from "@/lib/teach/agent-inputs";
import { ask, collect } from "../moa/helpers";
import { board, recordingSim } from "./helpers";

async function folded(kind: Parameters<typeof configForMethod>[0], layers = 3) {
  const sim = recordingSim();
  const config = configForMethod(kind, board(layers), { model: "sim:falcon" });
  const events = await collect(runMoA(config, ask("Why is the sky blue?"), { runId: "x", ...sim }));
  return { state: events.reduce(reduceRun, initialRunState("x")), calls: sim.calls };
}

describe("what a method's agents received, as the analysis and the Inputs view show it", () => {
  it("attributes SMoA's aggregators only to the k answers the judge passed on", async () => {
    const { state } = await folded("smoa");
    const rows = attribution(state);
    expect(rows.filter((r) => r.layer === 1)).toHaveLength(6);
    for (const row of rows) expect(row.inputs).toHaveLength(3);
  });

  it.each(["usc", "fusion", "council", "smoa", "self-moa-seq"] as const)("rebuilds the final agent's prompt under %s exactly as the engine sent it", async (kind) => {
    const { state, calls } = await folded(kind, kind === "council" ? 2 : 3);
    const final = state.agents.length - 1;
    const inputs = agentInputsFromRun(state, final, 0)!;
    const sent = calls.filter((c) => c.model === state.agents[final][0].model).at(-1)!;
    const system = inputs.messages.find((m) => m.role === "system")?.content ?? "";
    const user = inputs.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    expect(system).toBe(sent.system);
    expect(user).toBe(sent.user);
  });
});
