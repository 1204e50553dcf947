import { APICallError } from "@ai-sdk/provider";
import { streamText, type TextStreamPart, type ToolSet } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { createModelResolver } from "@/lib/providers/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../fixtures/fake-openai-server";

let fake: FakeOpenAI;
let resolve: ReturnType<typeof createModelResolver>;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    models: {
      good: { ttftMs: 20, tokensPerSecond: 1000, text: "Layered agents answer better together." },
      down: { failWith: { status: 500 } },
      limited: { failWith: { status: 429, headers: { "retry-after": "7" } } },
      badkey: { failWith: { status: 401 } },
      hang: { hangBeforeFirstByte: true },
      drop: { ttftMs: 5, tokensPerSecond: 1000, text: "one two three four five six seven eight", dropAfterTokens: 3 },
      junk: { ttftMs: 5, malformedSse: true },
    },
  });
  resolve = createModelResolver({ env: { OPENAI_COMPATIBLE_BASE_URL: fake.baseUrl } });
});

afterAll(async () => {
  await fake.close();
});

async function collect(model: string, abortSignal?: AbortSignal) {
  const parts: TextStreamPart<ToolSet>[] = [];
  // onError silences the SDK's default console logging; errors are asserted below.
  const result = streamText({ model: resolve(model), prompt: "Why layer agents?", maxRetries: 0, abortSignal, onError: () => {} });
  let thrown: unknown;
  try {
    for await (const part of result.fullStream) parts.push(part);
  } catch (error) {
    // A socket that dies mid-body rejects the stream itself rather than yielding an error part.
    thrown = error;
  }
  const text = parts.flatMap((p) => (p.type === "text-delta" ? [p.text] : [])).join("");
  const errors = [...parts.flatMap((p) => (p.type === "error" ? [p.error] : [])), ...(thrown === undefined ? [] : [thrown])];
  return { parts, text, errors };
}

describe("openai-compatible provider against the fake upstream", () => {
  it("streams the text and reports usage", async () => {
    const result = streamText({ model: resolve("compat:good"), prompt: "Why layer agents?" });
    expect(await result.text).toBe("Layered agents answer better together.");
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(5);
    expect(usage.inputTokens).toBe(3);
    const sent = fake.requests.find((r) => r.model === "good");
    expect(sent?.body?.stream_options).toEqual({ include_usage: true });
  });

  it.each([
    ["compat:down", 500],
    ["compat:limited", 429],
    ["compat:badkey", 401],
  ])("%s surfaces as an APICallError with status %i", async (model, status) => {
    const { errors, text } = await collect(model);
    expect(text).toBe("");
    expect(errors).toHaveLength(1);
    const error = errors[0];
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(status);
    if (status === 429) expect((error as APICallError).responseHeaders?.["retry-after"]).toBe("7");
  });

  it("abort while the upstream hangs closes the upstream request", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = collect("compat:hang", controller.signal);
    await waitFor(() => fake.requests.some((r) => r.model === "hang"));
    controller.abort();
    await run;
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitFor(() => fake.requests.find((r) => r.model === "hang")?.closedByClient === true);
    expect(fake.openConnections()).toBe(0);
  });

  it("a connection dropped mid-stream surfaces an error after the partial text", async () => {
    const { text, errors } = await collect("compat:drop");
    expect(text).toBe("one two three");
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).cause)).toMatch(/terminated/);
  });

  it("a malformed SSE line surfaces an error", async () => {
    const { errors } = await collect("compat:junk");
    expect(errors.length).toBeGreaterThan(0);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a 2-layer MoA of compat models through the engine", () => {
  it("sends layer-1 answers to the aggregator and finishes with its answer", async () => {
    fake.setBehaviour("prop-a", { ttftMs: 5, tokensPerSecond: 2000, text: "Proposal A says layering helps." });
    fake.setBehaviour("prop-b", { ttftMs: 5, tokensPerSecond: 2000, text: "Proposal B says diversity helps." });
    fake.setBehaviour("agg", { ttftMs: 5, tokensPerSecond: 2000, text: "Final: layering and diversity both help." });
    const config = {
      layers: [
        { agents: [{ model: "compat:prop-a" }, { model: "compat:prop-b" }] },
        { agents: [{ model: "compat:agg" }] },
      ],
    };
    const events: RunEvent[] = [];
    for await (const event of runMoA(config, [{ role: "user", content: "Why layer agents?" }], { runId: "r1", resolveModel: resolve })) {
      events.push(event);
    }
    const last = events.at(-1);
    expect(last?.type).toBe("run-finished");
    expect(last?.type === "run-finished" ? last.text : undefined).toBe("Final: layering and diversity both help.");
    const aggRequest = fake.requests.find((r) => r.model === "agg");
    const system = JSON.stringify(aggRequest?.body?.messages);
    expect(system).toContain("Proposal A says layering helps.");
    expect(system).toContain("Proposal B says diversity helps.");
  });
});

describe("a token limit over the real HTTP path", () => {
  it("an upstream finish_reason of length marks the agent as truncated, not silently finished", async () => {
    fake.setBehaviour("wordy", { ttftMs: 5, tokensPerSecond: 2000, text: "one two three four five six seven eight nine ten" });
    const config = { layers: [{ agents: [{ model: "compat:wordy", maxTokens: 4 }] }] };
    const events: RunEvent[] = [];
    for await (const event of runMoA(config, [{ role: "user", content: "Count." }], { runId: "r2", resolveModel: resolve })) events.push(event);
    const finished = events.find((e) => e.type === "agent-finished");
    expect(finished).toMatchObject({ text: "one two three four", finishReason: "length", maxOutputTokens: 4 });
    expect(fake.requests.find((r) => r.model === "wordy")?.body?.max_tokens).toBe(4);
  });
});
