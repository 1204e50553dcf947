import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { lookupModel } from "@/lib/providers/catalog";
import { createModelResolver } from "@/lib/providers/registry";

const fast = createModelResolver({ env: { MOA_SIM_SPEED: "100" } });
const PROMPT = "Why do we have seasons on Earth?";

async function think(effort?: "low" | "medium" | "high") {
  const result = streamText({
    model: fast("sim:thinker"),
    prompt: PROMPT,
    maxRetries: 0,
    ...(effort && { providerOptions: { sim: { reasoningEffort: effort } } }),
  });
  const order: string[] = [];
  for await (const part of result.fullStream) if (part.type === "reasoning-delta" || part.type === "text-delta") order.push(part.type);
  return { reasoning: await result.reasoningText, text: await result.text, usage: await result.usage, order };
}

describe("sim:thinker, the offline reasoning model", () => {
  it("streams its reasoning before its answer and bills it as reasoning tokens", async () => {
    const { reasoning, text, usage, order } = await think();
    expect(reasoning).toMatch(/seasons/i);
    expect(text.length).toBeGreaterThan(0);
    expect(reasoning).not.toBe(text);
    // Every reasoning delta comes before the first answer delta.
    expect(order.lastIndexOf("reasoning-delta")).toBeLessThan(order.indexOf("text-delta"));
    const words = (s: string) => s.match(/\S+/g)?.length ?? 0;
    expect(usage.outputTokenDetails.reasoningTokens).toBe(words(reasoning!));
    expect(usage.outputTokens).toBe(words(reasoning!) + words(text));
  });

  it("thinks longer at a higher effort and writes the same answer", async () => {
    const low = await think("low");
    const high = await think("high");
    expect(high.usage.outputTokenDetails.reasoningTokens!).toBeGreaterThan(low.usage.outputTokenDetails.reasoningTokens!);
    expect(high.text).toBe(low.text);
  });

  it("plain sim models stream no reasoning", async () => {
    const result = streamText({ model: fast("sim:falcon"), prompt: PROMPT, maxRetries: 0 });
    expect(await result.reasoningText).toBeUndefined();
    expect((await result.usage).outputTokenDetails.reasoningTokens).toBeUndefined();
  });

  it("think=0 turns the lane off and think=1 turns it on, whatever the profile (a bench's pace counts no reasoning)", async () => {
    const quiet = streamText({ model: fast("sim:thinker?think=0"), prompt: PROMPT, maxRetries: 0 });
    expect(await quiet.reasoningText).toBeUndefined();
    expect((await quiet.text).length).toBeGreaterThan(0);
    const thinking = streamText({ model: fast("sim:falcon?think=1"), prompt: PROMPT, maxRetries: 0 });
    expect(await thinking.reasoningText).toMatch(/\S/);
  });

  it("is labelled simulated", () => {
    expect(lookupModel("sim:thinker")?.name).toBe("Thinker (simulated)");
  });
});
