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
});
