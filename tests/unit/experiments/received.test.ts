import { describe, expect, it } from "vitest";
import { inputsToJudge, receivedLayers } from "@/lib/experiments/received";
import { initialRunState, type AgentState, type RunState } from "@/lib/moa/run-state";

const agent = (layer: number, index: number, model: string, text: string, status: AgentState["status"] = "done"): AgentState => ({
  layer, agent: index, model, status, text, retries: 0,
});

/** Three proposers (one failed), two layer-2 aggregators, a final one. */
function threeLayers(): RunState {
  return {
    ...initialRunState("r1"),
    status: "finished",
    messages: [{ role: "user", content: "why is the sky blue" }],
    agents: [
      [agent(0, 0, "sim:a", "rayleigh scattering of sunlight"), agent(0, 1, "sim:b", "", "failed"), agent(0, 2, "sim:c", "cats like windows")],
      [agent(1, 0, "sim:d", "rayleigh scattering of sunlight makes it blue"), agent(1, 1, "sim:e", "cats like windows a lot")],
      [agent(2, 0, "sim:owl", "scattering of sunlight")],
    ],
  };
}

describe("receivedLayers", () => {
  it("rates each layer's finished inputs by pairwise win rate and aligns every aggregator's similarity with them", () => {
    const state = threeLayers();
    expect(inputsToJudge(state).map((l) => [l.layer, l.inputs.map((a) => a.agent)])).toEqual([
      [1, [0, 2]],
      [2, [0, 1]],
    ]);
    const layers = receivedLayers(
      state,
      new Map([
        [1, [{ a: 0, b: 2, winner: "a" as const }]],
        [2, [{ a: 0, b: 1, winner: "tie" as const, unreadable: true }]],
      ]),
    );
    expect(layers[0]).toMatchObject({ layer: 1, inputs: [0, 2], quality: [1, 0], unreadable: 0 });
    expect(layers[0].aggregators.map((a) => a.model)).toEqual(["sim:d", "sim:e"]);
    // d copies input 0, e input 2: each is more similar to the one it copied.
    const [d, e] = layers[0].aggregators;
    expect(d.tfidf[0]).toBeGreaterThan(d.tfidf[1]);
    expect(e.tfidf[1]).toBeGreaterThan(e.tfidf[0]);
    // No readable verdict: no quality, and the verdict counted as unreadable.
    expect(layers[1]).toMatchObject({ layer: 2, quality: [null, null], unreadable: 1 });
  });
});
