import { describe, expect, it } from "vitest";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun, reduceRunEvents, type RunState } from "@/lib/moa/run-state";
import { createModelResolver } from "@/lib/providers/registry";
import { collect } from "./helpers";

const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "10" } });

/** A simulated run with plain, thinking (reasoning deltas) and failing agents, cut short. */
async function simEvents(): Promise<RunEvent[]> {
  const config = {
    layers: [
      { agents: [{ model: "sim:falcon" }, { model: "sim:thinker" }, { model: "sim:broken" }, { model: "sim:heron" }] },
      { agents: [{ model: "sim:owl" }] },
    ],
  };
  return collect(runMoA(config, [{ role: "user", content: "Explain how vaccines train the immune system." }], { runId: "r", resolveModel }));
}

const oneByOne = (events: RunEvent[]) => events.reduce(reduceRun, initialRunState("r"));

function inChunks(events: RunEvent[], sizes: number[]): RunState {
  let state = initialRunState("r");
  let at = 0;
  for (let i = 0; at < events.length; i++) {
    const size = sizes[i % sizes.length];
    state = reduceRunEvents(state, events.slice(at, at + size));
    at += size;
  }
  return state;
}

describe("reduceRunEvents: folding a batch of events", () => {
  it("gives exactly the state of folding them one by one, however the run is cut into batches", async () => {
    const events = await simEvents();
    expect(events.filter((e) => e.type === "agent-delta").length).toBeGreaterThan(50);
    expect(events.some((e) => e.type === "agent-reasoning-delta")).toBe(true);
    const expected = oneByOne(events);
    expect(expected.status).toBe("finished");
    for (const sizes of [[1], [2, 7], [64], [events.length], [3, 1, 50, 9]]) expect(inChunks(events, sizes)).toEqual(expected);
  });

  it("ignores events it already applied (a replay in the same batch) and never changes the state it was given", async () => {
    const events = await simEvents();
    const half = Math.floor(events.length / 2);
    const before = oneByOne(events.slice(0, half));
    const snapshot = structuredClone(before);
    const after = reduceRunEvents(before, [...events.slice(half - 20, half + 40), ...events.slice(half, half + 40)]);
    expect(before).toEqual(snapshot);
    expect(after).toEqual(oneByOne(events.slice(0, half + 40)));
    expect(reduceRunEvents(after, events.slice(0, half))).toBe(after);
  });
});
