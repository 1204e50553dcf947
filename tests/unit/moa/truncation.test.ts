import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { runEventSchema } from "@/lib/moa/events";
import { finalFinishReason, methodNotes } from "@/lib/moa/method-notes";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { createModelResolver } from "@/lib/providers/registry";
import { ask, expectWellFormed, layers, ofType, resolverFor, run, textModel, usageV3 } from "./helpers";

/** A model that writes `chunks` and then reports that its token limit cut it. */
function cutModel(chunks: string[]) {
  const parts: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...chunks.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish", finishReason: { unified: "length", raw: "max_tokens" }, usage: usageV3(10, chunks.length) },
  ];
  return new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks: parts, initialDelayInMs: null, chunkDelayInMs: null }) }) });
}

const fold = (events: Parameters<typeof reduceRun>[1][]) => events.reduce(reduceRun, initialRunState("run-1"));

describe("truncated answers are never silent", () => {
  it("a finish reason of length reaches agent-finished, the run state and the method notes", async () => {
    const config = {
      layers: [{ agents: [{ model: "sim:a", maxTokens: 3 }, { model: "sim:b" }] }, { agents: [{ model: "sim:agg" }] }],
    };
    const models = { "sim:a": cutModel(["one ", "two ", "three"]), "sim:b": textModel(["whole answer"]), "sim:agg": textModel(["merged"]) };
    const events = await run(config, ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);

    const finished = ofType(events, "agent-finished");
    expect(finished.find((e) => e.layer === 0 && e.agent === 0)).toMatchObject({ finishReason: "length", maxOutputTokens: 3 });
    expect(finished.find((e) => e.layer === 0 && e.agent === 1)).toMatchObject({ finishReason: "stop", maxOutputTokens: 2048 });

    const state = fold(events);
    expect(state.agents[0][0]).toMatchObject({ finishReason: "length", truncatedAt: 3 });
    expect(state.agents[0][1].truncatedAt).toBeUndefined();
    expect(finalFinishReason(state)).toBe("stop");
    const notes = methodNotes(state);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "truncated", layer: 0, agent: 0, final: false, label: "truncated at 3 tokens" });
  });

  it("a cut final aggregator marks the run's answer as truncated", async () => {
    const models = { "sim:p": textModel(["fine"]), "sim:agg": cutModel(["half an ans"]) };
    const events = await run(layers(["sim:p"], ["sim:agg"]), ask("q"), { resolveModel: resolverFor(models) });
    const state = fold(events);
    expect(finalFinishReason(state)).toBe("length");
    expect(methodNotes(state)).toEqual([expect.objectContaining({ kind: "truncated", final: true, label: "truncated at 2,048 tokens" })]);
  });

  it("early aggregation: a final pass cut by the limit marks the answer, however many passes came before", async () => {
    const streaming = (letter: string) =>
      textModel(
        Array.from({ length: 6 }, (_, i) => `${letter}${i}`.padEnd(40, letter)),
        { initialDelayMs: 5, chunkDelayMs: 15 },
      );
    const agg = cutModel(["cut ", "short"]);
    const config = { ...layers(["compat:a", "compat:b"], ["compat:agg"]), earlyAggregation: { chunkChars: 40 } };
    const events = await run(config, ask("q"), { resolveModel: resolverFor({ "compat:a": streaming("a"), "compat:b": streaming("b"), "compat:agg": agg }) });
    expectWellFormed(events);
    expect(agg.doStreamCalls.length).toBeGreaterThan(1);
    expect(ofType(events, "agent-finished").find((e) => e.layer === 1)).toMatchObject({ finishReason: "length", maxOutputTokens: 2048 });
    expect(finalFinishReason(fold(events))).toBe("length");
  });

  it("the simulator's own token limit shows up as truncated, end to end through the engine", async () => {
    const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "100" } });
    const config = { layers: [{ agents: [{ model: "sim:falcon", maxTokens: 8 }] }] };
    const events = await run(config, ask("Explain how vaccines train the immune system."), { resolveModel });
    expectWellFormed(events);
    const finished = ofType(events, "agent-finished")[0];
    expect(finished.finishReason).toBe("length");
    expect(finished.usage.outputTokens).toBe(8);
    expect(fold(events).agents[0][0].truncatedAt).toBe(8);
  });

  it("an answer that ends on its own is not marked", async () => {
    const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "100" } });
    const events = await run(layers(["sim:falcon"]), ask("Explain how vaccines train the immune system."), { resolveModel });
    expect(ofType(events, "agent-finished")[0].finishReason).toBe("stop");
    expect(methodNotes(fold(events))).toEqual([]);
  });

  it("events stored before finishReason and fromPartial existed still parse and fold", () => {
    const old = [
      { runId: "r", seq: 0, t: 0, type: "run-started", config: { layers: [{ agents: [{ model: "sim:a" }] }] }, messages: [{ role: "user", content: "q" }] },
      { runId: "r", seq: 1, t: 1, type: "layer-started", layer: 0 },
      { runId: "r", seq: 2, t: 1, type: "agent-started", layer: 0, agent: 0, model: "sim:a" },
      { runId: "r", seq: 3, t: 5, type: "agent-finished", layer: 0, agent: 0, text: "hi", usage: { inputTokens: 1, outputTokens: 1 }, ttftMs: 2, durationMs: 4 },
      { runId: "r", seq: 4, t: 6, type: "run-finished", text: "hi", usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 6 },
    ];
    const events = old.map((e) => runEventSchema.parse(e));
    const state = events.reduce(reduceRun, initialRunState("r"));
    expect(state.status).toBe("finished");
    expect(state.agents[0][0].finishReason).toBeUndefined();
    expect(state.agents[0][0].truncatedAt).toBeUndefined();
    expect(methodNotes(state)).toEqual([]);
  });
});
