import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { hasEnded, RUN_STATUSES } from "@/lib/moa/run-state";
import { closeLeftOpen, interruptedEvent } from "@/lib/runs/interrupted";

const config = { layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }, { agents: [{ model: "sim:c" }] }] };
const messages = [{ role: "user" as const, content: "Why is the sky blue?" }];
const events: RunEvent[] = [
  { type: "run-started", runId: "r", seq: 0, t: 0, config, messages },
  { type: "agent-started", runId: "r", seq: 1, t: 5, layer: 0, agent: 0, model: "sim:a" },
  { type: "agent-delta", runId: "r", seq: 2, t: 9, layer: 0, agent: 0, text: "Rayleigh" },
  {
    type: "agent-finished",
    runId: "r",
    seq: 3,
    t: 12,
    layer: 0,
    agent: 0,
    text: "Rayleigh",
    usage: { inputTokens: 10, outputTokens: 3 },
    ttftMs: 4,
    durationMs: 7,
  },
];

describe("closing a run that will never end by itself", () => {
  it("numbers run-interrupted after the stored events and above every seq viewers may hold", () => {
    expect(interruptedEvent("r", events, "gone")).toEqual({ type: "run-interrupted", runId: "r", seq: 4, t: 12, reason: "gone" });
    expect(interruptedEvent("r", events, "gone", 1023).seq).toBe(1024);
    expect(interruptedEvent("r", [], "gone")).toMatchObject({ seq: 0, t: 0 });
  });

  it("keeps what was paid for and the agents as they stood", () => {
    const { event, end } = closeLeftOpen({ id: "r", config, messages }, events, "the server restarted");
    expect(event?.seq).toBe(4);
    expect(end).toMatchObject({ status: "interrupted", usage: { inputTokens: 10, outputTokens: 3 }, durationMs: 12, error: "the server restarted" });
    expect(end.agents.map((a) => a.status)).toEqual(["done", "stopped", "stopped"]);
  });

  it("a run whose events already end it (the process died before its row said so) keeps that ending, with no run-interrupted", () => {
    const final = { type: "agent-finished" as const, runId: "r", seq: 4, t: 20, layer: 1, agent: 0, text: "Because of Rayleigh scattering.", usage: { inputTokens: 20, outputTokens: 6 }, ttftMs: 2, durationMs: 8 };
    const finished: RunEvent[] = [...events, final, { type: "run-finished", runId: "r", seq: 5, t: 21, text: "Because of Rayleigh scattering.", usage: { inputTokens: 30, outputTokens: 9 }, durationMs: 21 }];
    const { event, end } = closeLeftOpen({ id: "r", config, messages }, finished, "the server restarted");
    expect(event).toBeUndefined();
    expect(end).toMatchObject({ status: "finished", finalText: "Because of Rayleigh scattering.", usage: { inputTokens: 30, outputTokens: 9 }, durationMs: 21 });
  });

  it("has one test for an ended status", () => {
    expect(RUN_STATUSES.filter(hasEnded)).toEqual(["finished", "failed", "cancelled", "interrupted"]);
  });
});
