import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { MockLanguageModelV3 } from "ai/test";
import { simulateReadableStream } from "ai";
import { SimLanguageModel } from "@/lib/providers/sim/sim-model";
import { apiError, ask, expectWellFormed, hangingModel, layers, ofType, run, scriptedModel, streamParts, textModel } from "./helpers";

describe("runMoA: retries", () => {
  it("retries a 429 after the Retry-After the provider asked for", async () => {
    const model = scriptedModel([apiError(429, { headers: { "retry-after": "0.2" } }), ["finally"]]);
    const started = performance.now();
    const events = await run(layers(["groq:llama"]), ask("q"), { resolveModel: () => model, retryBaseDelayMs: 1 });
    expectWellFormed(events);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const [retry] = ofType(events, "agent-retry");
    expect(retry).toMatchObject({ attempt: 1, delayMs: 200 });
    expect(retry.message).toContain("429");
    expect(model.doStreamCalls).toHaveLength(2);
    expect(ofType(events, "run-finished")[0].text).toBe("finally");
    expect(events.reduce(reduceRun, initialRunState("run-1")).agents[0][0].retries).toBe(1);
  });

  it("fails at once, saying when to try again, when Retry-After is longer than the cap", async () => {
    const model = scriptedModel([apiError(429, { headers: { "retry-after": "45" } }), ["never"]]);
    const events = await run(layers(["groq:llama"]), ask("q"), { resolveModel: () => model, maxRetryDelayMs: 1000 });
    const [failed] = ofType(events, "agent-failed");
    expect(failed.kind).toBe("rate_limited");
    expect(failed.message).toContain("45 s");
    expect(model.doStreamCalls).toHaveLength(1);
    expect(ofType(events, "agent-retry")).toHaveLength(0);
  });

  it("retries a 503 with exponential backoff and succeeds", async () => {
    const model = scriptedModel([apiError(503), apiError(503), ["up again"]]);
    const events = await run(layers(["together:qwen"]), ask("q"), { resolveModel: () => model, retryBaseDelayMs: 20 });
    expectWellFormed(events);
    const retries = ofType(events, "agent-retry");
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    // Jitter stays within ±25 % of 20 ms, then of 40 ms.
    expect(retries[0].delayMs).toBeGreaterThanOrEqual(15);
    expect(retries[0].delayMs).toBeLessThanOrEqual(25);
    expect(retries[1].delayMs).toBeGreaterThanOrEqual(30);
    expect(retries[1].delayMs).toBeLessThanOrEqual(50);
    expect(ofType(events, "run-finished")[0].text).toBe("up again");
  });

  it("respects maxRetries: 0", async () => {
    const model = scriptedModel([apiError(503), ["never"]]);
    const events = await run(layers(["together:qwen"]), ask("q"), { resolveModel: () => model, maxRetries: 0 });
    expect(model.doStreamCalls).toHaveLength(1);
    expect(ofType(events, "agent-failed")[0].message).not.toContain("attempts");
  });
});

describe("runMoA: permanent failures", () => {
  it("tries sim:broken once: its simulated 500 says it is not retryable", async () => {
    const broken = new SimLanguageModel("broken", { env: { MOA_SIM_SPEED: "20" } });
    let calls = 0;
    const counted = new Proxy(broken, {
      get: (target, key, receiver) =>
        key === "doStream" ? (...args: Parameters<SimLanguageModel["doStream"]>) => (calls++, target.doStream(...args)) : Reflect.get(target, key, receiver),
    });
    const events = await run(layers(["sim:broken"]), ask("q"), { resolveModel: () => counted });
    expect(calls).toBe(1);
    expect(ofType(events, "agent-retry")).toHaveLength(0);
    const [failed] = ofType(events, "agent-failed");
    expect(failed).toMatchObject({ kind: "server_error", retryable: false });
    expect(failed.message).not.toContain("attempts");
  });
});

describe("runMoA: dropped connections", () => {
  const dropped = () => new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });

  it("retries a connection that fails before any text", async () => {
    const model = scriptedModel([dropped(), ["recovered"]]);
    const events = await run(layers(["compat:local"]), ask("q"), { resolveModel: () => model });
    expect(ofType(events, "agent-retry")[0].message).toContain("ECONNRESET");
    expect(ofType(events, "run-finished")[0].text).toBe("recovered");
  });

  it("does not retry a stream that breaks after text, and keeps the partial text", async () => {
    const parts = streamParts(["Half "]).slice(0, 3);
    const model = new MockLanguageModelV3({
      doStream: async () => ({
        stream: simulateReadableStream({ chunks: [...parts, { type: "error" as const, error: dropped() }], chunkDelayInMs: null, initialDelayInMs: null }),
      }),
    });
    const events = await run(layers(["compat:local"]), ask("q"), { resolveModel: () => model });
    expectWellFormed(events);
    expect(ofType(events, "agent-failed")[0]).toMatchObject({ kind: "network", partialText: "Half " });
    expect(model.doStreamCalls).toHaveLength(1);
  });
});

describe("runMoA: timeouts", () => {
  it("fails an agent that sends no first token in time, and aborts its request", async () => {
    const hung = hangingModel();
    const ok = textModel(["fine"]);
    const events = await run(layers(["sim:hung", "sim:ok"], ["sim:ok"]), ask("q"), {
      resolveModel: (id) => (id === "sim:hung" ? hung : ok),
      firstTokenTimeoutMs: 80,
    });
    expectWellFormed(events);
    const [failed] = ofType(events, "agent-failed");
    expect(failed).toMatchObject({ agent: 0, kind: "timeout", partialText: "" });
    expect(failed.message).toBe("sim:hung timed out after 80 ms waiting for the first token");
    expect(hung.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    // Timeouts are not retried automatically: a hang would triple the wait.
    expect(hung.doStreamCalls).toHaveLength(1);
    expect(ofType(events, "run-finished")).toHaveLength(1);
  });

  it("fails an agent that stalls mid-answer and keeps what it had written", async () => {
    const stalled = hangingModel(["Half an ", "answer"]);
    const events = await run(layers(["sim:s"]), ask("q"), { resolveModel: () => stalled, stallTimeoutMs: 60 });
    expectWellFormed(events);
    const [failed] = ofType(events, "agent-failed");
    expect(failed).toMatchObject({ kind: "timeout", partialText: "Half an answer" });
    expect(failed.message).toContain("60 ms");
    expect(ofType(events, "run-failed")[0].message).toMatch(/^Layer 1: its only agent failed \(first: sim:s stalled/);
    expect(stalled.doStreamCalls[0].abortSignal?.aborted).toBe(true);
  });

  it("restarts the stall timeout on every chunk: a steady answer longer than it is no stall", async () => {
    // 30 chunks 10 ms apart: 300 ms in all, never more than 10 ms without a chunk.
    const steady = textModel(Array.from({ length: 30 }, () => "la "), { chunkDelayMs: 10 });
    const events = await run(layers(["sim:steady"]), ask("q"), { resolveModel: () => steady, stallTimeoutMs: 200 });
    expect(ofType(events, "agent-failed")).toEqual([]);
    expect(ofType(events, "run-finished")[0].text).toBe("la ".repeat(30));
  });

  it("caps a whole attempt with agentTimeoutMs even while tokens keep coming", async () => {
    const chatty = textModel(Array.from({ length: 100 }, () => "la "), { chunkDelayMs: 10 });
    const events = await run(layers(["sim:c"]), ask("q"), { resolveModel: () => chatty, agentTimeoutMs: 100 });
    const [failed] = ofType(events, "agent-failed");
    expect(failed.kind).toBe("timeout");
    expect(failed.message).toBe("sim:c timed out after 100 ms");
    expect(failed.partialText.length).toBeGreaterThan(0);
  });

  it("does not retry once text has streamed", async () => {
    let calls = 0;
    const model = hangingModel(["partial"]);
    const events = await run(layers(["sim:s"]), ask("q"), {
      resolveModel: () => {
        calls++;
        return model;
      },
      stallTimeoutMs: 30,
    });
    expect(calls).toBe(1);
    expect(model.doStreamCalls).toHaveLength(1);
    expect(ofType(events, "agent-retry")).toHaveLength(0);
  });
});
