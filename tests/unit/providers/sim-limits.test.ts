import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/moa/limits";
import { parseSimId } from "@/lib/providers/sim/sim-id";

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
});
