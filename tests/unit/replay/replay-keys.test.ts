import { describe, expect, it } from "vitest";
import { replayKeyTarget } from "@/components/replay/replay-keys";

describe("replay scrubber keys", () => {
  it("moves at least 100 ms per arrow and more per page, within the run", () => {
    expect(replayKeyTarget("ArrowRight", 0, 3_000)).toBe(100);
    expect(replayKeyTarget("ArrowLeft", 50, 3_000)).toBe(0);
    expect(replayKeyTarget("PageUp", 0, 3_000)).toBe(1_000);
    expect(replayKeyTarget("PageDown", 2_900, 3_000)).toBe(1_900);
    expect(replayKeyTarget("End", 10, 3_000)).toBe(3_000);
  });

  it("scales with a long run: 50 arrow presses cross it, 10 page presses do", () => {
    expect(replayKeyTarget("ArrowRight", 0, 60_000)).toBe(1_200);
    expect(replayKeyTarget("PageUp", 0, 60_000)).toBe(6_000);
    expect(replayKeyTarget("PageUp", 58_000, 60_000)).toBe(60_000);
  });

  it("leaves other keys to the browser", () => {
    expect(replayKeyTarget("Tab", 0, 3_000)).toBeNull();
  });
});
