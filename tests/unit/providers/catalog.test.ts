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

  it("takes prices, context windows and the reasoning flag from the models.dev catalog", () => {
    const gpt4o = lookupModel("openai:gpt-4o");
    expect(gpt4o?.pricePerMTokens).toEqual({ input: 2.5, output: 10 });
    expect(gpt4o?.factsFrom).toBe("models.dev");
    expect(gpt4o?.reasoning).toBe(false);
    const r1 = lookupModel("together:deepseek-ai/DeepSeek-R1");
    expect(r1).toMatchObject({ pricePerMTokens: { input: 3, output: 7 }, contextLength: 163_839, reasoning: true, factsFrom: "models.dev" });
    // Ours stays ours: models.dev has no parameter counts.
    expect(r1?.activeParamsB).toBe(37);
    expect(lookupModel("openai:o4-mini")?.reasoning).toBe(true);
  });

  it("looks up models the palette does not offer in the catalog too", () => {
    expect(lookupModel("openai:gpt-5")).toMatchObject({ name: "GPT-5", pricePerMTokens: { input: 1.25, output: 10 }, reasoning: true });
    expect(lookupModel("groq:deepseek-r1-distill-llama-70b")?.reasoning).toBe(true);
  });

  it("marks what the catalog lacks as our own figures", () => {
    expect(lookupModel("together:Qwen/Qwen1.5-110B-Chat")?.factsFrom).toBe("ours");
    expect(lookupModel("sim:thinker")).toMatchObject({ factsFrom: "ours", reasoning: true });
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
