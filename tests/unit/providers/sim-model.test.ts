import { APICallError } from "@ai-sdk/provider";
import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { createModelResolver } from "@/lib/providers/registry";

const fast = createModelResolver({ env: { MOA_SIM_SPEED: "100" } });
const realtime = createModelResolver({ env: {} });
const PROMPT = "Explain how vaccines train the immune system to recognise viruses.";

async function run(model: string, options: { prompt?: string; temperature?: number; resolve?: typeof fast } = {}) {
  const result = streamText({
    model: (options.resolve ?? fast)(model),
    prompt: options.prompt ?? PROMPT,
    temperature: options.temperature,
    maxRetries: 0,
    onError: () => {},
  });
  return { text: await result.text, usage: await result.usage };
}

describe("sim models", () => {
  it("answer deterministically for the same model, prompt and temperature", async () => {
    const a = await run("sim:heron", { temperature: 0.7 });
    const b = await run("sim:heron", { temperature: 0.7 });
    expect(a.text).toBe(b.text);
    expect(a.text).toMatch(/vaccines/i);
  });

  it("answer differently across models and prompts, and vary a little across sampling seeds", async () => {
    const base = (await run("sim:falcon", { temperature: 0.7 })).text;
    expect((await run("sim:otter", { temperature: 0.7 })).text).not.toBe(base);
    expect((await run("sim:falcon", { temperature: 0.7, prompt: "Compare tea and coffee for focus." })).text).not.toBe(base);
    const samples = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((seed) => streamText({ model: fast("sim:orca"), prompt: PROMPT, temperature: 0.7, seed }).text),
    );
    expect(new Set(samples).size).toBeGreaterThan(1);
  });

  it.each(["falcon", "heron", "otter", "lynx", "badger", "orca", "owl", "sloth"])(
    "sim:%s writes a plausible 25–260 word answer and counts usage in words",
    async (name) => {
      const { text, usage } = await run(`sim:${name}`);
      const words = text.match(/\S+/g)?.length ?? 0;
      expect(words).toBeGreaterThanOrEqual(25);
      expect(words).toBeLessThanOrEqual(260);
      expect(usage.outputTokens).toBe(words);
      expect(usage.inputTokens).toBeGreaterThan(5);
    },
  );

  it("the tokens= override sets the exact length, the display base name is kept", async () => {
    const model = fast("sim:falcon?ttft=0&tps=1000&tokens=37");
    expect(typeof model === "object" && model.modelId).toBe("falcon?ttft=0&tps=1000&tokens=37");
    const { text, usage } = await run("sim:falcon?ttft=0&tps=1000&tokens=37");
    expect(text.match(/\S+/g)).toHaveLength(37);
    expect(usage.outputTokens).toBe(37);
  });

  it("streams at the requested pace (ttft, tokens per second)", async () => {
    const started = Date.now();
    let firstAt = 0;
    const result = streamText({ model: realtime("sim:falcon?ttft=120&tps=100&tokens=20"), prompt: PROMPT });
    let deltas = 0;
    for await (const delta of result.textStream) {
      if (!firstAt) firstAt = Date.now() - started;
      deltas += 1;
    }
    const total = Date.now() - started;
    expect(firstAt).toBeGreaterThanOrEqual(100);
    expect(firstAt).toBeLessThan(300);
    // 19 more tokens at 10 ms each after the first.
    expect(total).toBeGreaterThanOrEqual(280);
    expect(total).toBeLessThan(700);
    expect(deltas).toBeGreaterThan(5);
  });

  it("MOA_SIM_SPEED makes the slow straggler fast", async () => {
    const started = Date.now();
    await run("sim:sloth?tokens=40", { resolve: createModelResolver({ env: { MOA_SIM_SPEED: "1000" } }) });
    // At ×1 sloth takes 3 s to start and 5 s to write 40 words.
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("abort stops the stream promptly", async () => {
    const controller = new AbortController();
    const result = streamText({ model: realtime("sim:sloth?ttft=10&tps=20"), prompt: PROMPT, abortSignal: controller.signal, onError: () => {} });
    const started = Date.now();
    let text = "";
    let aborted = false;
    setTimeout(() => controller.abort(), 150);
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") text += part.text;
      if (part.type === "abort") aborted = true;
    }
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(400);
    const words = text.match(/\S+/g)?.length ?? 0;
    expect(words).toBeGreaterThan(0);
    expect(words).toBeLessThan(10);
  });

  it("honours maxOutputTokens with a length finish", async () => {
    const result = streamText({ model: fast("sim:orca"), prompt: PROMPT, maxOutputTokens: 12 });
    expect((await result.text).match(/\S+/g)).toHaveLength(12);
    expect(await result.finishReason).toBe("length");
  });

  it("sim:broken fails like an HTTP 500", async () => {
    const result = streamText({ model: fast("sim:broken"), prompt: PROMPT, maxRetries: 0, onError: () => {} });
    const errors: unknown[] = [];
    for await (const part of result.fullStream) if (part.type === "error") errors.push(part.error);
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as APICallError).statusCode).toBe(500);
  });
});
