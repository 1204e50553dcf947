import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { fakeClock } from "./fake-clock";
import { createReplay, type ReplaySpeed } from "@/lib/client/replay";


const delta = (seq: number, t: number): RunEvent => ({ type: "agent-delta", runId: "r", seq, t, layer: 0, agent: 0, text: `w${seq} ` });

/** Events at 0, 100, 200, …, 1000 ms. */
const EVENTS: RunEvent[] = Array.from({ length: 11 }, (_, i) => delta(i, i * 100));

function setup(speed: ReplaySpeed = 1, events = EVENTS) {
  const { clock, advance, pending } = fakeClock();
  const applied: number[] = [];
  let resets = 0;
  const replay = createReplay(events, {
    clock,
    speed,
    minStepMs: 0,
    onReset: () => {
      resets += 1;
      applied.length = 0;
    },
    onEvents: (batch) => applied.push(...batch.map((e) => e.seq)),
  });
  return { replay, advance, applied, resets: () => resets, pending };
}

describe("createReplay", () => {
  it("emits events at their original times at 1×", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    expect(applied).toEqual([0]);
    advance(150);
    expect(applied).toEqual([0, 1]);
    advance(100);
    expect(applied).toEqual([0, 1, 2]);
    advance(750);
    expect(applied).toHaveLength(11);
    expect(replay.getSnapshot()).toMatchObject({ ended: true, playing: false, position: 1000 });
  });

  it("runs four times faster at 4×", () => {
    const { replay, advance, applied } = setup(4);
    replay.play();
    advance(125); // 500 ms of run time
    expect(applied).toEqual([0, 1, 2, 3, 4, 5]);
    advance(125);
    expect(applied).toHaveLength(11);
  });

  it("changing speed mid-way keeps the position reached", () => {
    const { replay, advance, applied } = setup();
    replay.play();
    advance(300);
    expect(applied.at(-1)).toBe(3);
    replay.setSpeed(4);
    advance(50); // +200 ms of run time
    expect(applied.at(-1)).toBe(5);
    expect(replay.getSnapshot().position).toBe(500);
  });

  it("instant applies everything at once", () => {
    const { replay, applied } = setup("instant");
    replay.play();
    expect(applied).toHaveLength(11);
    expect(replay.getSnapshot().ended).toBe(true);
  });

  it("pause stops time and play resumes where it stopped", () => {
    const { replay, advance, applied, pending } = setup();
    replay.play();
    advance(250);
    replay.pause();
    expect(pending()).toBe(0);
    advance(10_000);
    expect(applied).toEqual([0, 1, 2]);
    expect(replay.getSnapshot()).toMatchObject({ playing: false, position: 250 });
    replay.play();
    advance(50);
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it("seek starts over, applies everything up to the target at once, then continues", () => {
    const { replay, advance, applied, resets } = setup();
    replay.play();
    advance(800);
    replay.seek(350);
    expect(resets()).toBe(1);
    expect(applied).toEqual([0, 1, 2, 3]);
    expect(replay.getSnapshot()).toMatchObject({ playing: true, position: 350 });
    advance(50);
    expect(applied).toEqual([0, 1, 2, 3, 4]);
  });

  it("seek while paused stays paused", () => {
    const { replay, advance, applied } = setup();
    replay.seek(600);
    expect(applied).toEqual([0, 1, 2, 3, 4, 5, 6]);
    advance(5_000);
    expect(applied).toHaveLength(7);
  });

  it("show final state applies the rest and stops; play afterwards starts over", () => {
    const { replay, advance, applied, resets } = setup();
    replay.play();
    advance(100);
    replay.showFinal();
    expect(applied).toHaveLength(11);
    expect(replay.getSnapshot()).toMatchObject({ ended: true, playing: false, position: 1000 });
    replay.play();
    expect(resets()).toBe(1);
    expect(applied).toEqual([0]);
    advance(1000);
    expect(applied).toHaveLength(11);
  });

  it("never applies an event twice or out of seq order, even when t steps back", () => {
    const odd = [delta(0, 0), delta(1, 300), delta(2, 250), delta(3, 400)];
    const { replay, advance, applied } = setup(1, odd);
    replay.play();
    advance(260);
    expect(applied).toEqual([0]);
    advance(40);
    expect(applied).toEqual([0, 1, 2]);
    advance(100);
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it("tells subscribers when its state changes", () => {
    const { replay, advance } = setup();
    let calls = 0;
    replay.subscribe(() => (calls += 1));
    replay.play();
    advance(200);
    expect(calls).toBeGreaterThanOrEqual(3);
    replay.dispose();
  });
});
