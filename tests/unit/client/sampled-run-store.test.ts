import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runStore } from "@/lib/client/run-store";
import { SAMPLE_MS, subscribeToRunSamples } from "@/lib/client/use-sampled-run-store";
import { finishedRun } from "./fixtures";

describe("sampled run store (live figures a few times a second)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runStore.getState().reset("run-1");
  });
  afterEach(() => vi.useRealTimers());

  it("hears of a burst of deltas once per sample, and of a status change at once", () => {
    const events = finishedRun("run-1");
    const started = events.findIndex((e) => e.type === "agent-delta");
    runStore.getState().applyEvents(events.slice(0, started)); // the run is running
    const listener = vi.fn();
    const stop = subscribeToRunSamples(listener);

    // Deltas, one store update each: no notification until the sample is due.
    const deltas = events.filter((e) => e.type === "agent-delta" && e.layer === 0);
    for (const delta of deltas) runStore.getState().applyEvents([delta]);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAMPLE_MS);
    expect(listener).toHaveBeenCalledTimes(1);

    // The terminal event changes the run's status: heard without waiting for the sample.
    listener.mockClear();
    runStore.getState().applyEvents(events.slice(started).filter((e) => !(e.type === "agent-delta" && e.layer === 0)));
    expect(runStore.getState().run.status).toBe("finished");
    expect(listener).toHaveBeenCalledTimes(1);
    stop();

    // Unsubscribed: no timer left behind.
    runStore.getState().reset("run-2");
    vi.advanceTimersByTime(SAMPLE_MS * 4);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
