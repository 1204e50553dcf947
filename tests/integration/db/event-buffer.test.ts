import { afterEach, describe, expect, test, vi } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { createEventBuffer } from "@/lib/runs/event-buffer";
import { createMemoryRunStore } from "@/lib/runs/memory-run-store";
import type { RunStore } from "@/lib/runs/run-store";
import { newRun, stamp, tokens } from "./fixtures";

function deltas(runId: string, count: number): RunEvent[] {
  return stamp(
    runId,
    tokens(count).map((text) => ({ type: "agent-delta" as const, layer: 0, agent: 0, text })),
  );
}

/** A memory store that records every appendEvents call and can be made slow or failing. */
async function recordingStore(options: { delayMs?: number; failFirst?: number } = {}) {
  const inner = createMemoryRunStore();
  const run = newRun();
  await inner.createRun(run);
  const calls: number[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let failuresLeft = options.failFirst ?? 0;
  const store: RunStore = {
    ...inner,
    async appendEvents(runId, events) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error("database unavailable");
        }
        calls.push(events.map((e) => e.seq));
        await inner.appendEvents(runId, events);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { store, runId: run.id, calls, maxInFlight: () => maxInFlight };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("event buffer", () => {
  test("1,000 deltas streamed over a second become a handful of writes, in order", async () => {
    vi.useFakeTimers();
    const { store, runId, calls } = await recordingStore();
    const buffer = createEventBuffer(store, runId);
    const events = deltas(runId, 1000);
    // ~1 token per ms, the pace of a fast model.
    for (const event of events) {
      buffer.push(event);
      await vi.advanceTimersByTimeAsync(1);
    }
    await buffer.close();

    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(calls.flat()).toEqual(events.map((e) => e.seq));
    expect(await store.getEvents(runId)).toEqual(events);
  });

  test("a burst larger than maxEvents is written without waiting for the interval", async () => {
    vi.useFakeTimers();
    const { store, runId, calls } = await recordingStore();
    const buffer = createEventBuffer(store, runId, { maxEvents: 100, flushIntervalMs: 10_000 });
    for (const event of deltas(runId, 250)) buffer.push(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.flat()).toHaveLength(250);
    await buffer.close();
  });

  test("events wait at most flushIntervalMs", async () => {
    vi.useFakeTimers();
    const { store, runId, calls } = await recordingStore();
    const buffer = createEventBuffer(store, runId, { flushIntervalMs: 200 });
    deltas(runId, 3).forEach((e) => buffer.push(e));
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(calls).toEqual([[0, 1, 2]]);
    await buffer.close();
  });

  test("a terminal event is written at once", async () => {
    vi.useFakeTimers();
    const { store, runId, calls } = await recordingStore();
    const buffer = createEventBuffer(store, runId, { flushIntervalMs: 60_000 });
    const [delta] = deltas(runId, 1);
    buffer.push(delta);
    buffer.push({ type: "run-cancelled", runId, seq: 1, t: 10, reason: "stopped" });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([[0, 1]]);
    await buffer.close();
  });

  test("writes never overlap, even when the store is slow", async () => {
    const { store, runId, calls, maxInFlight } = await recordingStore({ delayMs: 15 });
    const buffer = createEventBuffer(store, runId, { maxEvents: 10, flushIntervalMs: 5 });
    const events = deltas(runId, 200);
    for (const [i, event] of events.entries()) {
      buffer.push(event);
      if (i % 7 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await buffer.close();
    expect(maxInFlight()).toBe(1);
    expect(calls.flat()).toEqual(events.map((e) => e.seq));
  });

  test("a failed write is reported and its events go out first with the next flush", async () => {
    const { store, runId, calls } = await recordingStore({ failFirst: 1, delayMs: 10 });
    const errors: unknown[] = [];
    const buffer = createEventBuffer(store, runId, { onError: (e) => errors.push(e) });
    const events = deltas(runId, 6);
    events.slice(0, 3).forEach((e) => buffer.push(e));
    const failing = buffer.flush();
    await new Promise((r) => setTimeout(r, 2));
    // Pushed while the failing write is in flight: they must land after the retried ones.
    events.slice(3).forEach((e) => buffer.push(e));
    await failing;
    expect(errors).toHaveLength(1);
    expect(calls).toEqual([]);

    await buffer.close();
    expect(calls).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(await store.getEvents(runId)).toEqual(events);
  });

  test("close reports events it could not write, and a closed buffer takes no more", async () => {
    const { store, runId } = await recordingStore({ failFirst: 99 });
    const errors: unknown[] = [];
    const buffer = createEventBuffer(store, runId, { onError: (e) => errors.push(e) });
    deltas(runId, 2).forEach((e) => buffer.push(e));
    await expect(buffer.close()).resolves.toBeUndefined();
    expect(String(errors.at(-1))).toMatch(/2 events .* could not be written/);
    expect(() => buffer.push(deltas(runId, 1)[0])).toThrow(/closed/);
  });
});
