import { describe, expect, it } from "vitest";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { MoAConfig } from "@/lib/moa/config";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { findAnswerSpans, NO_TRACE } from "@/lib/moa/synthesis";
import { ask, expectWellFormed, ofType, promptOf, resolverFor, run, textModel, usageV3 } from "../moa/helpers";

/** A reasoning model as the AI SDK hands it over: reasoning parts first, then the answer, reasoning tokens in usage. */
function thinkingModel(thoughts: string[], answer: string[], reasoningTokens: number, provider = "compat.chat") {
  const parts: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "reasoning-start", id: "r" },
    ...thoughts.map((delta) => ({ type: "reasoning-delta" as const, id: "r", delta })),
    { type: "reasoning-end", id: "r" },
    { type: "text-start", id: "t" },
    ...answer.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
    { type: "text-end", id: "t" },
    {
      type: "finish",
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: 20, noCache: 20, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: reasoningTokens + answer.length, text: answer.length, reasoning: reasoningTokens },
      },
    },
  ];
  return new MockLanguageModelV3({
    provider,
    doStream: async () => ({ stream: simulateReadableStream({ chunks: parts, initialDelayInMs: null, chunkDelayInMs: null }) }),
  });
}

const board = (readReasoning: boolean, effort?: "low" | "high"): MoAConfig => ({
  layers: [
    { agents: [{ model: "compat:r1", ...(effort && { reasoningEffort: effort }) }, { model: "sim:plain" }] },
    { agents: [{ model: "sim:agg" }], readReasoning },
  ],
});

function models() {
  return {
    "compat:r1": thinkingModel(["First, tides follow ", "the Moon's pull."], ["The Moon."], 30),
    "sim:plain": textModel(["Gravity."], { usage: usageV3(10, 1) }),
    "sim:agg": textModel(["The Moon's gravity."], { usage: usageV3(50, 3) }),
  };
}

describe("reasoning models in a run", () => {
  it("streams reasoning as its own events, keeps it out of the answer and counts its tokens", async () => {
    const m = models();
    const events = await run(board(false), ask("Why are there tides?"), { resolveModel: resolverFor(m) });
    expectWellFormed(events);
    const thoughts = ofType(events, "agent-reasoning-delta");
    expect(thoughts.map((e) => e.text).join("")).toBe("First, tides follow the Moon's pull.");
    expect(thoughts.every((e) => e.layer === 0 && e.agent === 0)).toBe(true);
    // Reasoning comes before the answer it leads to.
    const firstAnswer = events.findIndex((e) => e.type === "agent-delta" && e.agent === 0 && e.layer === 0);
    expect(events.indexOf(thoughts.at(-1)!)).toBeLessThan(firstAnswer);

    const finished = ofType(events, "agent-finished").filter((e) => e.layer === 0);
    const r1 = finished.find((e) => e.agent === 0)!;
    const plain = finished.find((e) => e.agent === 1)!;
    expect(r1.text).toBe("The Moon.");
    expect(r1.reasoning).toBe("First, tides follow the Moon's pull.");
    expect(r1.usage).toEqual({ inputTokens: 20, outputTokens: 31, reasoningTokens: 30 });
    expect(plain.reasoning).toBeUndefined();
    expect(plain.usage).toEqual({ inputTokens: 10, outputTokens: 1 });
    expect(ofType(events, "run-finished")[0].usage).toEqual({ inputTokens: 80, outputTokens: 35, reasoningTokens: 30 });

    const state = events.reduce(reduceRun, initialRunState("run-1"));
    const agent = state.agents[0][0];
    expect(agent.reasoning).toBe("First, tides follow the Moon's pull.");
    expect(agent.text).toBe("The Moon.");
    expect(agent.reasoningEndedAt).toBeGreaterThanOrEqual(agent.reasoningStartedAt!);
    expect(state.agents[0][1].reasoning).toBeUndefined();
  });

  it("gives the aggregator the proposers' reasoning only when its layer asks for it", async () => {
    const without = models();
    await run(board(false), ask("Why are there tides?"), { resolveModel: resolverFor(without) });
    const plainPrompt = promptOf(without["sim:agg"])[0].content;
    expect(plainPrompt).not.toContain("the Moon's pull");

    const withTraces = models();
    await run(board(true), ask("Why are there tides?"), { resolveModel: resolverFor(withTraces) });
    const system = promptOf(withTraces["sim:agg"])[0].content;
    expect(system).toContain("Reasoning traces (2)");
    expect(system).toContain("First, tides follow the Moon's pull.");
    expect(system).toContain(NO_TRACE);
    // The answers are still found as exactly the two answers, traces are not mistaken for them.
    expect(findAnswerSpans(system).map((s) => system.slice(s.start, s.end))).toEqual(["The Moon.", "Gravity."]);
  });

  it("passes the reasoning effort to the provider in its own terms", async () => {
    const openai = thinkingModel(["hm"], ["A."], 5, "openai.responses");
    const anthropic = thinkingModel(["hm"], ["B."], 5, "anthropic.messages");
    const compat = thinkingModel(["hm"], ["C."], 5, "together.chat");
    const plain = textModel(["D."]);
    const config: MoAConfig = {
      layers: [
        {
          agents: [
            { model: "openai:o4-mini", reasoningEffort: "high" },
            { model: "anthropic:claude", reasoningEffort: "low" },
            { model: "together:r1", reasoningEffort: "medium" },
            { model: "sim:plain" },
          ],
        },
        { agents: [{ model: "sim:agg" }] },
      ],
    };
    await run(config, ask("Q"), {
      resolveModel: resolverFor({ "openai:o4-mini": openai, "anthropic:claude": anthropic, "together:r1": compat, "sim:plain": plain, "sim:agg": textModel(["E."]) }),
    });
    expect(openai.doStreamCalls[0].providerOptions).toEqual({ openai: { reasoningEffort: "high", reasoningSummary: "auto" } });
    expect(anthropic.doStreamCalls[0].providerOptions).toEqual({ anthropic: { thinking: { type: "enabled", budgetTokens: 2048 } } });
    expect(compat.doStreamCalls[0].providerOptions).toEqual({ together: { reasoningEffort: "medium" } });
    expect(plain.doStreamCalls[0].providerOptions).toBeUndefined();
  });

  it("forgets the reasoning of an attempt that is retried", () => {
    let state = reduceRun(initialRunState("r"), {
      runId: "r", seq: 0, t: 0, type: "run-started", config: board(false), messages: ask("Q"),
    });
    state = reduceRun(state, { runId: "r", seq: 1, t: 1, type: "agent-reasoning-delta", layer: 0, agent: 0, text: "half a thought" });
    state = reduceRun(state, { runId: "r", seq: 2, t: 2, type: "agent-retry", layer: 0, agent: 0, attempt: 1, delayMs: 10, message: "429" });
    expect(state.agents[0][0].reasoning).toBeUndefined();
  });
});

describe("OpenAI reasoning models", () => {
  it("go through the Responses API, which streams reasoning summaries; other OpenAI models keep Chat Completions", async () => {
    const { createModelResolver } = await import("@/lib/providers/registry");
    const resolve = createModelResolver({ env: { OPENAI_API_KEY: "sk-test" } });
    const provider = (id: string) => {
      const model = resolve(id);
      return typeof model === "string" ? model : model.provider;
    };
    expect(provider("openai:o4-mini")).toBe("openai.responses");
    expect(provider("openai:gpt-5-mini")).toBe("openai.responses");
    expect(provider("openai:gpt-4o")).toBe("openai.chat");
    expect(provider("openai:gpt-5-chat-latest")).toBe("openai.chat");
  });
});

describe("reasoning on /api/v1", () => {
  it("streams the final aggregator's reasoning as reasoning_content, hides a proposer's, and reports reasoning tokens", async () => {
    const { completionMeta } = await import("@/lib/openai-compat/chunks");
    const { createChunkMapper } = await import("@/lib/openai-compat/stream");
    const config: MoAConfig = { layers: [{ agents: [{ model: "sim:thinker" }] }, { agents: [{ model: "sim:thinker" }] }] };
    const bodies = [
      { type: "run-started", config, messages: ask("q") },
      { type: "agent-reasoning-delta", layer: 0, agent: 0, text: "proposer thinks" },
      { type: "agent-reasoning-delta", layer: 1, agent: 0, text: "final thinks" },
      { type: "agent-delta", layer: 1, agent: 0, text: "Answer." },
      { type: "run-finished", text: "Answer.", usage: { inputTokens: 5, outputTokens: 9, reasoningTokens: 4 }, durationMs: 1 },
    ];
    const map = createChunkMapper(completionMeta("r", "moa/x", 0), { includeUsage: true, intermediate: false });
    const frames = bodies.flatMap((b, seq) => map({ ...b, runId: "r", seq, t: seq } as never).frames).join("");
    expect(frames).toContain('"reasoning_content":"final thinks"');
    expect(frames).not.toContain("proposer thinks");
    expect(frames).toContain('"completion_tokens_details":{"reasoning_tokens":4}');
  });
});
