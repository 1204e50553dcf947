import { describe, expect, it } from "vitest";
import { packEvents, PACKED_DELTAS, unpackEvents } from "@/lib/runs/event-packing";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";

const RUN = "run-packing";

function stamp(bodies: RunEventBody[]): RunEvent[] {
  return bodies.map((body, i) => ({ ...body, runId: RUN, seq: i, t: i * 7 }) as RunEvent);
}

/** Three agents streaming at once, their deltas interleaved, with other events between. */
function interleaved(): RunEvent[] {
  const bodies: RunEventBody[] = [{ type: "layer-started", layer: 0 }];
  for (let agent = 0; agent < 3; agent++) bodies.push({ type: "agent-started", layer: 0, agent, model: `sim:m${agent}` });
  for (let k = 0; k < 5; k++) {
    for (let agent = 0; agent < 3; agent++) bodies.push({ type: "agent-delta", layer: 0, agent, text: ` w${k}a${agent}` });
    if (k === 2) bodies.push({ type: "agent-retry", layer: 0, agent: 1, attempt: 1, delayMs: 10, message: "retrying" });
  }
  bodies.push({ type: "agent-finished", layer: 0, agent: 0, text: "done", usage: { inputTokens: 1, outputTokens: 5 }, ttftMs: 1, durationMs: 2 });
  return stamp(bodies);
}

describe("stored event batches", () => {
  it("hold one entry per agent for its deltas instead of one per token", () => {
    const events = interleaved();
    const stored = packEvents(events) as Array<{ type: string; seqs?: number[] }>;
    const deltas = events.filter((e) => e.type === "agent-delta");
    expect(deltas).toHaveLength(15);
    expect(stored.filter((e) => e.type === "agent-delta")).toEqual([]);
    const packed = stored.filter((e) => e.type === PACKED_DELTAS);
    expect(packed).toHaveLength(3);
    expect(packed.map((p) => p.seqs)).toEqual([0, 1, 2].map((agent) => deltas.filter((d) => "agent" in d && d.agent === agent).map((d) => d.seq)));
    expect(stored).toHaveLength(events.length - deltas.length + 3);
    // Fewer bytes for the database to parse: the point of packing.
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(events).length * 0.7);
  });

  it("unpack to exactly the events that were packed, in seq order", () => {
    const events = interleaved();
    expect(unpackEvents(RUN, [packEvents(events)])).toEqual(events);
  });

  it("unpack across several batches, each packed on its own", () => {
    const events = interleaved();
    const batches = [events.slice(0, 6), events.slice(6, 13), events.slice(13)].map((b) => packEvents(b));
    expect(unpackEvents(RUN, batches)).toEqual(events);
  });

  it("read rows stored before packing (plain events) the same way", () => {
    const events = interleaved();
    expect(unpackEvents(RUN, [events.slice(0, 9), packEvents(events.slice(9))])).toEqual(events);
  });

  it("refuse a packed entry whose arrays disagree, rather than invent events", () => {
    const broken = { type: PACKED_DELTAS, layer: 0, agent: 0, seqs: [4, 7], ts: [1], texts: ["a", "b"] };
    expect(() => unpackEvents(RUN, [[broken]])).toThrow();
  });
});
