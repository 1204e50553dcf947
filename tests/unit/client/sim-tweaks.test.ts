import { describe, expect, it } from "vitest";
import type { ModelInfo } from "@/lib/wire/models";
import { readTweaks, tweakSummary, withoutTweaks, withTweaks } from "@/lib/client/sim-tweaks";

describe("sim tweaks in a model id", () => {
  it("writes skill settings onto a bare sim id", () => {
    expect(withTweaks("sim:owl", { keep: 0, catch: 0 })).toBe("sim:owl?keep=0&catch=0");
  });

  it("keeps pace overrides already in the query, in their place", () => {
    expect(withTweaks("sim:owl?tps=400&keep=0.5", { keep: 0.25, catch: 1 })).toBe("sim:owl?tps=400&keep=0.25&catch=1");
  });

  it("removes a tweak set back to undefined, and the ? with the last one", () => {
    expect(withTweaks("sim:owl?keep=0&tps=9", { keep: undefined })).toBe("sim:owl?tps=9");
    expect(withTweaks("sim:owl?keep=0", { keep: undefined })).toBe("sim:owl");
  });

  it("clamps to the control's range and rounds to two decimals", () => {
    expect(withTweaks("sim:owl", { noise: 0.123456, keep: 3 })).toBe("sim:owl?noise=0.12&keep=1");
    expect(withTweaks("sim:owl", { lengthbias: 1.5 })).toBe("sim:owl?lengthbias=1.5");
    expect(withTweaks("sim:owl", { lengthbias: 9 })).toBe("sim:owl?lengthbias=2");
    expect(withTweaks("sim:owl", { recall: -1 })).toBe("sim:owl?recall=0");
  });

  it("leaves ids of real models alone", () => {
    expect(withTweaks("openai:gpt-4o", { keep: 0 })).toBe("openai:gpt-4o");
    expect(readTweaks("openai:gpt-4o?keep=0")).toEqual({});
  });

  it("reads back what it wrote, ignoring unknown keys and values out of range", () => {
    const id = withTweaks("sim:falcon?tps=50", { recall: 0.5, halluc: 0.2 });
    expect(readTweaks(id)).toEqual({ recall: 0.5, halluc: 0.2 });
    expect(readTweaks("sim:owl?keep=2&catch=abc&noise=0.3")).toEqual({ noise: 0.3 });
  });

  it("summarizes the tweaks for a card, in a fixed order", () => {
    expect(tweakSummary("sim:owl?catch=0&keep=0&tps=400")).toBe("keep 0 · catch 0");
    expect(tweakSummary("sim:owl?lengthbias=1&noise=0.2")).toBe("noise 0.2 · length bias 1");
    expect(tweakSummary("sim:owl?tps=400")).toBe("");
    expect(tweakSummary(null)).toBe("");
  });

  it("drops only the tweaks when the card shows them on their own line", () => {
    expect(withoutTweaks("sim:owl?tps=9&keep=0&catch=0")).toBe("sim:owl?tps=9");
    expect(withoutTweaks("openai:gpt-4o")).toBe("openai:gpt-4o");
  });
});

describe("display names of tweaked sim ids", () => {
  it("names the model, not its query", async () => {
    const { displayName } = await import("@/lib/client/model-view");
    expect(displayName("sim:owl?keep=0&catch=0", [])).toBe("Owl (simulated)");
    const listed: ModelInfo[] = [{ id: "sim:owl", name: "Owl the Wise", provider: "sim", available: true, simulated: true }];
    expect(displayName("sim:owl?keep=0", listed)).toBe("Owl the Wise (simulated)");
  });
});
