import { describe, expect, it } from "vitest";
import { createFrameBatcher } from "@/lib/client/frame-batcher";
import { manualScheduler } from "./fixtures";

describe("frame batcher", () => {
  it("delivers everything pushed within a frame as one batch, on the frame", () => {
    const frames = manualScheduler();
    const batches: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => batches.push(items), frames);

    batcher.push(1, 2);
    batcher.push(3);
    expect(batches).toEqual([]);
    expect(frames.scheduled).toBe(1);

    frames.tick();
    expect(batches).toEqual([[1, 2, 3]]);

    batcher.push(4);
    frames.tick();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("asks for no frame when nothing is pending", () => {
    const frames = manualScheduler();
    const batcher = createFrameBatcher<number>(() => undefined, frames);
    batcher.push();
    expect(frames.scheduled).toBe(0);
  });

  it("flush delivers pending items at once and cancels the scheduled frame", () => {
    const frames = manualScheduler();
    const batches: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => batches.push(items), frames);
    batcher.push("a", "b");
    batcher.flush();
    expect(batches).toEqual([["a", "b"]]);
    expect(frames.scheduled).toBe(0);
    frames.tick();
    expect(batches).toHaveLength(1);
  });

  it("clear drops pending items", () => {
    const frames = manualScheduler();
    const batches: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => batches.push(items), frames);
    batcher.push("stale");
    batcher.clear();
    frames.tick();
    batcher.flush();
    expect(batches).toEqual([]);
    expect(batcher.pending).toBe(0);
  });

  it("falls back to a timer outside the browser", async () => {
    const batches: number[][] = [];
    const batcher = createFrameBatcher<number>((items) => batches.push(items));
    batcher.push(1);
    batcher.push(2);
    await new Promise((r) => setTimeout(r, 40));
    expect(batches).toEqual([[1, 2]]);
  });
});
