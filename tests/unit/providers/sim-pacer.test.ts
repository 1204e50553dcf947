import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPacer, FRAME_MS, SLICE_STREAMS, type PacedStream } from "@/lib/providers/sim/pacer";

/** A stream with tokens due every `everyMs` from `startMs`; records when each one was written. */
function tokens(startMs: number, everyMs: number, count: number) {
  const written: number[] = [];
  const stream: PacedStream = {
    nextDue: () => (written.length < count ? startMs + written.length * everyMs : Infinity),
    advance(now) {
      while (written.length < count && startMs + written.length * everyMs <= now) written.push(now);
    },
  };
  return { stream, written };
}

describe("the sim pacer: one timer for every simulated stream", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("writes a lone stream's tokens when they are due, then leaves no timer behind", () => {
    const pacer = createPacer(() => Date.now());
    const lone = tokens(100, 20, 5);
    pacer.add(lone.stream);
    vi.advanceTimersByTime(1_000);
    expect(lone.written).toEqual([100, 120, 140, 160, 180]);
    expect(pacer.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("serves hundreds of streams with a few timer callbacks a frame, none of them early and none later than a frame", () => {
    // One slice a tick: fake timers count each later slice's turn as a millisecond.
    const pacer = createPacer(() => Date.now(), 600);
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    // 600 streams at ~60 tokens a second, offset from each other as concurrent agents are.
    const streams = Array.from({ length: 600 }, (_, i) => tokens(250 + (i % 97) * 3.1, 16.7, 60));
    streams.forEach((s) => pacer.add(s.stream));
    vi.advanceTimersByTime(2_000);
    const written = streams.flatMap((s, i) => s.written.map((at, k) => ({ at, due: 250 + (i % 97) * 3.1 + k * 16.7 })));
    expect(written).toHaveLength(600 * 60);
    const lateness = written.map(({ at, due }) => at - due);
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lateness)).toBeLessThanOrEqual(FRAME_MS + 1);
    // A timer per stream per token would be 36,000; one per frame over ~1.3 s is a few hundred.
    expect(setTimeoutSpy.mock.calls.length).toBeLessThan(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops its timer once the last stream is removed (a cancelled stream)", () => {
    const pacer = createPacer(() => Date.now());
    const cancelled = tokens(50, 10, 100);
    pacer.add(cancelled.stream);
    vi.advanceTimersByTime(75);
    pacer.remove(cancelled.stream);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(cancelled.written).toHaveLength(3);
  });

  it("serves a tick's due streams a slice per turn of the event loop, so I/O is polled between slices", () => {
    const pacer = createPacer(() => Date.now());
    const count = SLICE_STREAMS * 2 + 1;
    const streams = Array.from({ length: count }, () => tokens(100, 1_000, 1));
    streams.forEach((s) => pacer.add(s.stream));
    const served = () => streams.filter((s) => s.written.length > 0).length;
    vi.advanceTimersToNextTimer(); // the tick: the first slice only
    expect(served()).toBe(SLICE_STREAMS);
    vi.advanceTimersToNextTimer(); // the next turn (setImmediate)
    expect(served()).toBe(SLICE_STREAMS * 2);
    vi.advanceTimersToNextTimer();
    expect(served()).toBe(count);
    // Every token was due at 100 and written at the tick's time, none later.
    expect(new Set(streams.flatMap((s) => s.written))).toEqual(new Set([100]));
    expect(pacer.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
