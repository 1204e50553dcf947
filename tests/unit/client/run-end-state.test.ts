import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunEventBody } from "@/lib/moa/events";
import { stamp } from "./fixtures";

const CONFIG: MoAConfig = {
  layers: [
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] },
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] },
    { agents: [{ model: "sim:owl" }] },
  ],
};

const usage = { inputTokens: 1, outputTokens: 1 };

/** Layer 1 done, layer 2 mid-flight: one agent streaming, one still thinking. */
const midRun: RunEventBody[] = [
  { type: "run-started", config: CONFIG, messages: [{ role: "user", content: "Hi" }] },
  { type: "layer-started", layer: 0 },
  { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
  { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
  { type: "agent-finished", layer: 0, agent: 0, text: "A", usage, ttftMs: 1, durationMs: 2 },
  { type: "agent-failed", layer: 0, agent: 1, kind: "server_error", message: "boom", retryable: false, partialText: "" },
  { type: "layer-finished", layer: 0, succeeded: 1, failed: 1, skipped: 0, durationMs: 5 },
  { type: "layer-started", layer: 1 },
  { type: "agent-started", layer: 1, agent: 0, model: "sim:falcon" },
  { type: "agent-started", layer: 1, agent: 1, model: "sim:heron" },
  { type: "agent-delta", layer: 1, agent: 0, text: "par" },
];

function fold(bodies: RunEventBody[]): RunState {
  return stamp("r", bodies).reduce(reduceRun, initialRunState("r"));
}

const statuses = (s: RunState) => s.agents.map((row) => row.map((a) => a.status));

describe("a run that ends early leaves nothing waiting or running", () => {
  for (const end of [
    { type: "run-cancelled", reason: "Stopped by the user." },
    { type: "run-failed", message: "Every proposer failed." },
    { type: "run-interrupted", reason: "The server restarted." },
  ] as RunEventBody[]) {
    it(`after ${end.type}`, () => {
      const state = fold([...midRun, end]);
      expect(statuses(state)).toEqual([["done", "failed"], ["stopped", "stopped"], ["stopped"]]);
      expect(state.layers.map((l) => l.status)).toEqual(["done", "stopped", "stopped"]);
      // The final aggregator never began: it keeps no start time, so it reads "not run".
      expect(state.agents[2][0].startedAt).toBeUndefined();
      expect(state.agents[1][0].text).toBe("par");
    });
  }

  it("leaves a finished run untouched", () => {
    const done = fold([
      ...midRun.slice(0, 7),
      { type: "run-finished", text: "A", usage, durationMs: 9 },
    ]);
    expect(done.layers.map((l) => l.status)).toEqual(["done", "waiting", "waiting"]);
  });
});
