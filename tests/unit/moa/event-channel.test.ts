import { describe, expect, it } from "vitest";
import { createEventChannel } from "@/lib/moa/event-channel";

describe("createEventChannel", () => {
  it("hands items pushed later to a consumer that is already waiting, then drains after close", async () => {
    const channel = createEventChannel<number>();
    const received: number[] = [];
    const consuming = (async () => {
      for await (const n of channel) received.push(n);
    })();
    channel.push(1);
    await new Promise((r) => setTimeout(r, 5));
    channel.push(2);
    channel.push(3);
    channel.close();
    channel.push(4);
    await consuming;
    expect(received).toEqual([1, 2, 3]);
  });

  it("hands everything pushed in one turn to a batch consumer as one batch, in order", async () => {
    const channel = createEventChannel<number>();
    const batches: number[][] = [];
    const consuming = (async () => {
      for await (const batch of channel.batches()) batches.push(batch);
    })();
    // Three producers writing in the same turn (tokens due at one tick), then one more later.
    channel.push(1);
    channel.push(2);
    channel.push(3);
    await new Promise((r) => setTimeout(r, 5));
    channel.push(4);
    channel.close();
    await consuming;
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });
});
