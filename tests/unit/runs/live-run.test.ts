import { describe, expect, test } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { LiveRun } from "@/lib/runs/live-run";

const delta = (seq: number): RunEvent => ({ type: "agent-delta", runId: "r", seq, t: seq, layer: 0, agent: 0, text: `w${seq} ` });
const interrupted = (seq: number): RunEvent => ({ type: "run-interrupted", runId: "r", seq, t: 9, reason: "the server restarted" });

async function collect(run: LiveRun, afterSeq: number): Promise<number[]> {
  const seqs: number[] = [];
  for await (const event of run.subscribe(afterSeq)) seqs.push(event.seq);
  return seqs;
}

describe("LiveRun", () => {
  test("a viewer resuming inside the gap before a crash marker gets the marker, and nothing it already had", async () => {
    const run = new LiveRun("r");
    for (let seq = 0; seq < 5; seq++) run.publish(delta(seq));
    run.publish(interrupted(1024));
    expect(run.lastSeq).toBe(1024);
    expect(await collect(run, 2)).toEqual([3, 4, 1024]);
    expect(await collect(run, 700)).toEqual([1024]);
    expect(await collect(run, -1)).toEqual([0, 1, 2, 3, 4, 1024]);
    expect(run.state.status).toBe("interrupted");
  });

  test("a viewer ahead of this copy (a mirror still catching up) gets only what follows its seq", async () => {
    const run = new LiveRun("r");
    for (let seq = 0; seq < 3; seq++) run.publish(delta(seq));
    const viewer = collect(run, 5);
    run.publishAll([delta(3), delta(4), delta(5), delta(6)]);
    run.publish(interrupted(7));
    expect(await viewer).toEqual([6, 7]);
  });

  test("a seq never goes backwards or repeats", () => {
    const run = new LiveRun("r");
    run.publish(delta(0));
    run.publish(delta(1));
    expect(() => run.publish(delta(1))).toThrow(/out of order/);
  });
});

describe("LiveRun: a batch of events", () => {
  test("a waiting viewer gets the whole batch, folded into the state at once", async () => {
    const run = new LiveRun("r");
    const viewer = collect(run, -1);
    run.publishAll([delta(0), delta(1), delta(2)]);
    run.publishAll([delta(3), interrupted(10)]);
    expect(await viewer).toEqual([0, 1, 2, 3, 10]);
    expect(run.state.lastSeq).toBe(10);
  });

  test("a batch with a seq out of order is refused whole: nothing of it is published", () => {
    const run = new LiveRun("r");
    run.publish(delta(0));
    expect(() => run.publishAll([delta(1), delta(2), delta(2)])).toThrow(/out of order/);
    expect(run.lastSeq).toBe(0);
    expect(run.state.lastSeq).toBe(0);
  });
});
