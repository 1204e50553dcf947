import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { rankerPick, rankerPickLabel } from "@/lib/moa/variants/ranker-pick";
import type { RunEventBody } from "@/lib/moa/events";
import { stamp } from "../client/fixtures";

const usage = { inputTokens: 1, outputTokens: 1 };
const agent = (layer: number, i: number, model: string, text: string): RunEventBody[] => [
  { type: "agent-started", layer, agent: i, model },
  { type: "agent-finished", layer, agent: i, text, usage, ttftMs: 1, durationMs: 2 },
];

function rankerRun(layers: string[][]) {
  const config = { layers: layers.map((models) => ({ agents: models.map((model) => ({ model })) })) };
  const last = layers.length - 1;
  const pickedText = `answer L${last}.2`;
  const bodies: RunEventBody[] = [
    { type: "run-started", config, messages: [{ role: "user", content: "Q" }] },
    ...layers.slice(0, last).flatMap((models, l) => models.flatMap((m, i) => agent(l, i, m, `answer L${l + 1}.${i + 1}`))),
    ...agent(last, 0, layers[last][0], "2"),
    { type: "run-finished", text: pickedText, usage, durationMs: 10 },
  ];
  return stamp("r", bodies).reduce(reduceRun, initialRunState("r"));
}

describe("rankerPick", () => {
  it("on three layers names layer 2's aggregator answer, not a proposer's", () => {
    const pick = rankerPick(rankerRun([["sim:a", "sim:b"], ["sim:c", "sim:d", "sim:e"], ["sim:owl"]]));
    expect(pick).toEqual({ layer: 1, agent: 1, model: "sim:d", candidate: 1, of: 3 });
    const label = rankerPickLabel(pick!);
    expect(label).toContain("Layer 2 · Agent 2");
    expect(label).toContain("layer 2's aggregators");
    expect(label).not.toContain("proposer");
  });

  it("on two layers names the proposer answer it copied", () => {
    const pick = rankerPick(rankerRun([["sim:a", "sim:b"], ["sim:owl"]]));
    expect(pick).toMatchObject({ layer: 0, agent: 1 });
    expect(rankerPickLabel(pick!)).toBe("Picked Layer 1 · Agent 2's answer verbatim, candidate 2 of the 2 proposer answers.");
  });

  it("names nothing when the answer is none of the candidates", () => {
    const run = { ...rankerRun([["sim:a", "sim:b"], ["sim:owl"]]), finalText: "something else" };
    expect(rankerPick(run)).toBeNull();
  });
});
