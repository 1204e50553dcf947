import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/moa/limits";
import { baseModelId, parseSimId } from "@/lib/providers/sim/sim-id";

describe("simulated model knobs are capped (no key is needed to use them)", () => {
  it("clamps an absurd token count to the max-tokens limit", () => {
    expect(parseSimId("sim:falcon?tokens=1e9").overrides.tokens).toBe(LIMITS.maxTokens);
    expect(parseSimId("sim:falcon?tokens=3000000").overrides.tokens).toBe(LIMITS.maxTokens);
  });
  it("clamps time to first token and pace", () => {
    expect(parseSimId("sim:falcon?ttft=99999999").overrides.ttftMs).toBe(120_000);
    expect(parseSimId("sim:falcon?tps=1e12").overrides.tokensPerSecond).toBe(100_000);
  });
  it("keeps ordinary values as given", () => {
    expect(parseSimId("sim:falcon?ttft=20&tps=400&tokens=120").overrides).toEqual({ ttftMs: 20, tokensPerSecond: 400, tokens: 120 });
  });
  it("reads skill and judge overrides, clamped to their ranges, and keeps the display base name", () => {
    const { overrides } = parseSimId("sim:owl?keep=2&catch=-1&halluc=0.2&recall=0.5&noise=0.3&lengthbias=50");
    expect(overrides.skill).toEqual({ keep: 1, catch: 0, hallucination: 0.2, recall: 0.5 });
    expect(overrides.judge).toEqual({ noise: 0.3, lengthBias: 10 });
    expect(parseSimId("sim:owl?keep=abc").overrides.skill).toBeUndefined();
    expect(baseModelId("sim:owl?keep=0&catch=0")).toBe("sim:owl");
  });
});
