import { describe, expect, test } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { decodeEventsNotice, encodeEventsNotice } from "@/lib/runs/fanout/notice";

const delta = (seq: number, text: string): RunEvent => ({ type: "agent-delta", runId: "r1", seq, t: seq, layer: 0, agent: 0, text }) as RunEvent;

describe("NOTIFY payloads of stored event batches", () => {
  test("a small batch travels inline, so listeners need no query", () => {
    const events = [delta(4, "hello"), delta(5, " world")];
    const notice = decodeEventsNotice(encodeEventsNotice("r1", events));
    expect(notice).toEqual({ r: "r1", f: 4, l: 5, e: events });
  });

  test("a batch too large for NOTIFY (8000 bytes) is announced by range only", () => {
    const events = Array.from({ length: 40 }, (_, i) => delta(i, "ü".repeat(100)));
    const payload = encodeEventsNotice("r1", events);
    expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(decodeEventsNotice(payload)).toEqual({ r: "r1", f: 0, l: 39 });
  });

  test("garbage on the channel is ignored, not thrown", () => {
    expect(decodeEventsNotice("not json")).toBeNull();
    expect(decodeEventsNotice(JSON.stringify({ r: "x" }))).toBeNull();
    expect(decodeEventsNotice(undefined)).toBeNull();
  });
});
