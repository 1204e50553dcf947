import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { fakeClock } from "./fake-clock";
import { createReplay, type ReplaySpeed } from "@/lib/client/replay";


const env = (seq: number, t: number) => ({ runId: "r", seq, t });
const delta = (seq: number, t: number, layer: number): RunEvent => ({ ...env(seq, t), type: "agent-delta", layer, agent: 0, text: `L${layer} ` });
const layerStarted = (seq: number, t: number, layer: number): RunEvent => ({ ...env(seq, t), type: "layer-started", layer });

/** Three layers of 200 ms each; each layer starts when the one before ends. */
const EVENTS: RunEvent[] = [
  layerStarted(0, 0, 0),
  delta(1, 100, 0),
  layerStarted(2, 200, 1),
  delta(3, 300, 1),
  layerStarted(4, 400, 2),
  delta(5, 500, 2),
  { ...env(6, 600), type: "run-finished", text: "done", usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 600 },
];

function setup(speed: ReplaySpeed = 1) {
  const { clock, advance } = fakeClock();
  const applied: number[] = [];
  const replay = createReplay(EVENTS, {
    clock,
    speed,
    minStepMs: 0,
    stepping: true,
    onReset: () => {
      applied.length = 0;
    },
    onEvents: (batch) => applied.push(...batch.map((e) => e.seq)),
  });
  return { replay, advance, applied };
}

describe("createReplay stepping through layers", () => {
  it("plays layer 1 and waits before layer 2 however long the class talks", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    advance(10_000);
    expect(applied).toEqual([0, 1]);
    const snap = replay.getSnapshot();
    expect(snap).toMatchObject({ playing: false, ended: false, stepping: true, heldBefore: 1 });
    // The clock stops at the held layer, not at the end of the recording.
    expect(snap.position).toBeLessThanOrEqual(200);
  });

  it("each Next layer releases exactly one layer, in the recording's order, then ends", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    advance(1_000);
    replay.nextLayer();
    expect(replay.getSnapshot().playing).toBe(true);
    advance(10_000);
    expect(applied).toEqual([0, 1, 2, 3]);
    expect(replay.getSnapshot().heldBefore).toBe(2);
    replay.nextLayer();
    advance(10_000);
    expect(applied).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(replay.getSnapshot()).toMatchObject({ ended: true, heldBefore: undefined });
  });

  it("holds at the gate at instant speed too", () => {
    const { replay, applied } = setup("instant");
    replay.play();
    expect(applied).toEqual([0, 1]);
    expect(replay.getSnapshot().heldBefore).toBe(1);
    replay.nextLayer();
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it("turning stepping off while held plays on to the end", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    advance(1_000);
    replay.setStepping(false);
    advance(1_000);
    expect(applied).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(replay.getSnapshot()).toMatchObject({ ended: true, stepping: false });
  });

  it("turning stepping on mid-run never hides what is shown and holds from the next layer", () => {
    const { clock, advance } = fakeClock();
    const applied: number[] = [];
    const replay = createReplay(EVENTS, { clock, minStepMs: 0, onReset: () => (applied.length = 0), onEvents: (b) => applied.push(...b.map((e) => e.seq)) });
    replay.play();
    advance(350);
    expect(applied).toEqual([0, 1, 2, 3]);
    replay.setStepping(true);
    advance(10_000);
    expect(applied).toEqual([0, 1, 2, 3]);
    expect(replay.getSnapshot().heldBefore).toBe(2);
  });

  it("Show final state shows everything; replaying from the end steps from layer 1 again", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    advance(1_000);
    replay.showFinal();
    expect(applied).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(replay.getSnapshot().heldBefore).toBeUndefined();
    replay.play();
    advance(10_000);
    expect(applied).toEqual([0, 1]);
    expect(replay.getSnapshot().heldBefore).toBe(1);
  });

  it("seeking past the gate shows only what the gate allows", () => {
    const { replay, applied } = setup();
    replay.seek(550);
    expect(applied).toEqual([0, 1]);
    expect(replay.getSnapshot()).toMatchObject({ heldBefore: 1, playing: false });
    expect(replay.getSnapshot().position).toBeLessThanOrEqual(200);
  });
});
