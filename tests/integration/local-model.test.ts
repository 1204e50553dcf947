import { generateText, streamText } from "ai";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalProvider, listLocalModels, unloadLocalModels } from "@/lib/providers/local";
import { loadLocalModel } from "@/lib/providers/local/llama-runtime";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { writeTinyGguf } from "@/tests/fixtures/tiny-gguf";

// Real llama.cpp on a random-weights GGUF: the text is noise, the mechanics are real.
let modelsDir: string;
let local: ReturnType<typeof createLocalProvider>;
// Same weights under another name with one sequence, so a second request has to wait.
let single: ReturnType<typeof createLocalProvider>;

const prompt = "Say something about llamas.";

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), "moa-local-"));
  await writeTinyGguf(join(modelsDir, "tiny.gguf"));
  await copyFile(join(modelsDir, "tiny.gguf"), join(modelsDir, "tiny-single.gguf"));
  await writeFile(join(modelsDir, "notes.txt"), "not a model");
  local = createLocalProvider({ modelsDir });
  single = createLocalProvider({ modelsDir, sequences: 1 });
  // Load once up front so the per-test timings measure generation, not startup.
  await generateText({ model: local.languageModel("tiny"), prompt, maxOutputTokens: 1 });
});

afterAll(async () => {
  await unloadLocalModels();
  await rm(modelsDir, { recursive: true, force: true });
});

async function collect(stream: AsyncIterable<string>, onDelta?: (delta: string) => void): Promise<string> {
  let text = "";
  for await (const delta of stream) {
    text += delta;
    onDelta?.(delta);
  }
  return text;
}

describe("local GGUF models", () => {
  it("lists every .gguf in the models folder as local:<name>", async () => {
    const models = await listLocalModels(modelsDir);
    expect(models.map((m) => m.id)).toEqual(["local:tiny", "local:tiny-single"]);
    expect(models[0].path).toBe(join(modelsDir, "tiny.gguf"));
    expect(models[0].sizeBytes).toBeGreaterThan(100_000);
    expect(await listLocalModels(join(modelsDir, "missing"))).toEqual([]);
  });

  it("streams generated text through streamText with usage counted", async () => {
    const result = streamText({ model: local.languageModel("tiny"), prompt, maxOutputTokens: 16, temperature: 0.8, seed: 7 });
    let deltas = 0;
    const text = await collect(result.textStream, () => deltas++);
    const usage = await result.usage;
    expect(text.length).toBeGreaterThan(0);
    expect(deltas).toBeGreaterThan(1);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeLessThanOrEqual(16);
    // The prompt as the model saw it: chat template included, so longer than the bare text.
    expect(usage.inputTokens).toBeGreaterThan(prompt.length / 4);
  });

  it("honours temperature: greedy decoding repeats itself, sampling with different seeds does not", async () => {
    const model = local.languageModel("tiny");
    const run = async (temperature: number, seed: number) =>
      (await generateText({ model, prompt, maxOutputTokens: 12, temperature, seed })).text;
    expect(await run(0, 1)).toBe(await run(0, 2));
    const samples = new Set([await run(1.5, 1), await run(1.5, 2), await run(1.5, 3)]);
    expect(samples.size).toBeGreaterThan(1);
  });

  it("queues a request when every sequence is busy instead of failing", async () => {
    const model = single.languageModel("tiny-single");
    const firstTokenAt: number[] = [];
    const finishedAt: number[] = [];
    const one = async (i: number) => {
      const result = streamText({ model, prompt, maxOutputTokens: 12, temperature: 0.8, seed: i });
      const text = await collect(result.textStream, () => (firstTokenAt[i] ??= performance.now()));
      finishedAt[i] = performance.now();
      return { text, usage: await result.usage };
    };
    const [a, b] = await Promise.all([one(0), one(1)]);
    expect(a.usage.outputTokens).toBeGreaterThan(0);
    expect(b.usage.outputTokens).toBeGreaterThan(0);
    // With one sequence the second generation can only start once the first gave its slot back.
    const [first, second] = finishedAt[0] <= finishedAt[1] ? [0, 1] : [1, 0];
    expect(firstTokenAt[second]).toBeGreaterThanOrEqual(finishedAt[first]);
  });

  it("stops promptly on abort and frees the sequence for the next request", async () => {
    const model = single.languageModel("tiny-single");
    const controller = new AbortController();
    let abortedAt = 0;
    const result = streamText({
      model,
      prompt,
      maxOutputTokens: 1000,
      temperature: 0.8,
      abortSignal: controller.signal,
      onError: () => {},
    });
    let deltas = 0;
    await collect(result.textStream, () => {
      if (++deltas === 3) {
        abortedAt = performance.now();
        controller.abort();
      }
    }).catch(() => undefined);
    const stoppedAfterMs = performance.now() - abortedAt;
    expect(deltas).toBeGreaterThanOrEqual(3);
    expect(deltas).toBeLessThan(60);
    expect(stoppedAfterMs).toBeLessThan(2_000);

    // The single sequence is free again: this would wait forever otherwise.
    const next = await generateText({ model, prompt, maxOutputTokens: 4, abortSignal: AbortSignal.timeout(10_000) });
    expect(next.usage.outputTokens).toBeGreaterThan(0);
  });

  it("stops generating when the reader cancels the stream", async () => {
    const model = single.languageModel("tiny-single");
    const { stream } = await model.doStream({
      prompt: [{ role: "user", content: [{ type: "text", text: prompt }] }],
      maxOutputTokens: 1000,
    });
    const reader = stream.getReader();
    const seen: string[] = [];
    while (!seen.includes("text-delta")) seen.push((await reader.read()).value!.type);
    expect(seen.slice(0, 2)).toEqual(["stream-start", "text-start"]);
    await reader.cancel();
    // Only one sequence: this finishes only if the cancelled generation gave it back.
    const next = await generateText({ model, prompt, maxOutputTokens: 4, abortSignal: AbortSignal.timeout(10_000) });
    expect(next.usage.outputTokens).toBeGreaterThan(0);
  });

  it("gives up a queued request on abort without taking the slot", async () => {
    const model = single.languageModel("tiny-single");
    const busy = generateText({ model, prompt, maxOutputTokens: 24, temperature: 0.8 });
    const queued = new AbortController();
    const waiting = generateText({ model, prompt, maxOutputTokens: 24, abortSignal: queued.signal });
    setTimeout(() => queued.abort(), 20);
    const startedAt = performance.now();
    await expect(waiting).rejects.toThrow();
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect((await busy).usage.outputTokens).toBeGreaterThan(0);
  });

  it("fails with a clear message for a model that is not in the folder", async () => {
    await expect(generateText({ model: local.languageModel("nope"), prompt, maxRetries: 0 })).rejects.toThrow(
      `local model "nope" not found in ${modelsDir}`,
    );
  });

  it("continues a trailing assistant message instead of starting a new turn", async () => {
    const model = local.languageModel("tiny");
    const prefix = "Llamas are";
    const plain = await generateText({ model, prompt, maxOutputTokens: 4, temperature: 0 });
    const continued = await generateText({
      model,
      messages: [
        { role: "user", content: prompt },
        { role: "assistant", content: prefix },
      ],
      maxOutputTokens: 4,
      temperature: 0,
    });
    expect(continued.usage.outputTokens).toBeGreaterThan(0);
    // Only the new text comes back, and the prompt grew by the prefix alone: a closed
    // assistant turn would add end-of-turn and new-turn tokens on top.
    expect(continued.text.startsWith(prefix)).toBe(false);
    const { model: llama } = await loadLocalModel(join(modelsDir, "tiny.gguf"));
    const prefixTokens = llama.tokenize(prefix).length;
    const grownBy = continued.usage.inputTokens! - plain.usage.inputTokens!;
    expect(grownBy).toBeGreaterThanOrEqual(prefixTokens - 1);
    expect(grownBy).toBeLessThanOrEqual(prefixTokens + 1);
  });
});

describe("MoA on local models", () => {
  const config: MoAConfig = {
    layers: [
      {
        agents: [
          { model: "local:tiny", maxTokens: 12, temperature: 0.9 },
          { model: "local:tiny", maxTokens: 12, temperature: 0.9 },
        ],
      },
      { agents: [{ model: "local:tiny", maxTokens: 12, temperature: 0.7 }] },
    ],
  };
  const messages = [{ role: "user" as const, content: prompt }];
  const resolveModel = (id: string) => local.languageModel(id.slice("local:".length));

  it("runs two proposers and an aggregator to run-finished", async () => {
    const events: RunEvent[] = [];
    for await (const event of runMoA(config, messages, { runId: "local-1", resolveModel })) events.push(event);
    const last = events.at(-1);
    expect(last?.type).toBe("run-finished");
    expect(events.filter((e) => e.type === "agent-finished")).toHaveLength(3);
    if (last?.type === "run-finished") {
      expect(last.text.length).toBeGreaterThan(0);
      expect(last.usage.outputTokens).toBeGreaterThan(0);
    }
  });

  it("ends with run-cancelled when stopped mid-run", async () => {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const long: MoAConfig = { layers: config.layers.map((l) => ({ agents: l.agents.map((a) => ({ ...a, maxTokens: 1000 })) })) };
    const startedAt = performance.now();
    for await (const event of runMoA(long, messages, { runId: "local-2", resolveModel, signal: controller.signal })) {
      events.push(event);
      if (event.type === "agent-delta" && !controller.signal.aborted) controller.abort();
    }
    expect(events.at(-1)?.type).toBe("run-cancelled");
    expect(events.some((e) => e.type === "agent-finished")).toBe(false);
    expect(performance.now() - startedAt).toBeLessThan(10_000);
  });
});
