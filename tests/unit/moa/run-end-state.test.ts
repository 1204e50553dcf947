import { describe, expect, test } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";

const config = { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }] };

/** Layer 1: agent 0 finished (paid for), agent 1 still streaming, when the run ends by `end`. */
function endedBy(end: RunEvent["type"]) {
  const events = [
    { type: "run-started", config, messages: [] },
    { type: "layer-started", layer: 0 },
    { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
    { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
    { type: "agent-delta", layer: 0, agent: 1, text: "half an ans" },
    { type: "agent-finished", layer: 0, agent: 0, text: "done", usage: { inputTokens: 30, outputTokens: 12 }, ttftMs: 5, durationMs: 40 },
    end === "run-failed" ? { type: end, message: "boom" } : { type: end, reason: "stopped" },
  ].map((body, seq) => ({ ...body, runId: "r", seq, t: seq * 100 }) as RunEvent);
  return events.reduce(reduceRun, initialRunState("r"));
}

describe("a run that ends without run-finished", () => {
  test.each(["run-interrupted", "run-cancelled", "run-failed"] as const)("%s keeps what its agents were paid for and leaves no layer running or waiting", (end) => {
    const state = endedBy(end);
    expect(state.usage).toEqual({ inputTokens: 30, outputTokens: 12 });
    // The layer that never began is stopped too: an ended run shows nothing "waiting" for ever.
    expect(state.layers.map((l) => l.status)).toEqual(["stopped", "stopped"]);
    expect(state.layers[0].durationMs).toBe(500);
    expect(state.agents[0].map((a) => a.status)).toEqual(["done", "stopped"]);
  });
});
