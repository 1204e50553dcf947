import { describe, expect, it } from "vitest";
import { CATALOG, lookupModel } from "@/lib/providers/catalog";

describe("catalog", () => {
  it("knows prices and active parameters of well-known models", () => {
    expect(lookupModel("openai:gpt-4o")?.pricePerMTokens).toEqual({ input: 2.5, output: 10 });
    const mixtral = lookupModel("together:mistralai/Mixtral-8x22B-Instruct-v0.1");
    // Mixture-of-experts: only the routed experts count for FLOPs.
    expect(mixtral?.activeParamsB).toBe(39);
    expect(lookupModel("groq:llama-3.1-8b-instant")?.provider).toBe("groq");
  });

  it("returns undefined for unknown ids", () => {
    expect(lookupModel("openai:gpt-9")).toBeUndefined();
    expect(lookupModel("compat:whatever")).toBeUndefined();
  });

  it("describes sim models, ignoring pace overrides, as simulated estimates", () => {
    const owl = lookupModel("sim:owl?tps=400");
    expect(owl?.id).toBe("sim:owl");
    expect(owl?.name).toBe("Owl (simulated)");
    expect(owl?.estimated).toContain("pricePerMTokens");
  });

  it("has unique ids in provider:model form", () => {
    const ids = CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of CATALOG) expect(e.id.startsWith(`${e.provider}:`)).toBe(true);
  });
});
