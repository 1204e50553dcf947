import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { runMoA } from "@/lib/moa/engine";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { findAnswerSpans } from "@/lib/moa/synthesis";
import type { RunEvent } from "@/lib/moa/events";
import { apiError, ask, collect, expectWellFormed, hangingModel, layers, ofType, promptOf, resolverFor, run, scriptedModel, streamParts, textModel } from "./helpers";

const fast = (text: string, delayMs = 0) => textModel([text], { initialDelayMs: delayMs });

describe("runMoA: layer policies", () => {
  it("quorum: moves on after k answers, skips and aborts the stragglers with their partial text", async () => {
    const straggler = hangingModel(["I was still thin", "king"]);
    const silent = hangingModel();
    const agg = textModel(["merged"]);
    const config = layers({ agents: ["sim:a", "sim:b", "sim:slow", "sim:silent"], policy: { kind: "quorum", k: 2 } }, ["sim:agg"]);
    const started = performance.now();
    const events = await run(config, ask("q"), {
      resolveModel: resolverFor({ "sim:a": fast("A", 10), "sim:b": fast("B", 20), "sim:slow": straggler, "sim:silent": silent, "sim:agg": agg }),
    });
    expect(performance.now() - started).toBeLessThan(3000);
    expectWellFormed(events);

    const skipped = ofType(events, "agent-skipped");
    expect(skipped.map((s) => s.agent).sort()).toEqual([2, 3]);
    expect(skipped.every((s) => s.reason === "quorum of 2 reached")).toBe(true);
    expect(skipped.find((s) => s.agent === 2)?.partialText).toBe("I was still thinking");
    expect(straggler.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(silent.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(ofType(events, "agent-failed")).toHaveLength(0);
    expect(ofType(events, "layer-finished")[0]).toMatchObject({ succeeded: 2, failed: 0, skipped: 2 });

    // Skipped agents' text is not passed on.
    const system = promptOf(agg)[0].content;
    expect(findAnswerSpans(system).map((s) => system.slice(s.start, s.end))).toEqual(["A", "B"]);
    // Nothing from a skipped agent after it was skipped.
    const skipSeq = Math.min(...skipped.map((s) => s.seq));
    expect(events.filter((e) => e.seq > skipSeq && "agent" in e && e.layer === 0 && e.agent >= 2)).toEqual(
      skipped.filter((s) => s.seq > skipSeq),
    );

    const state = events.reduce(reduceRun, initialRunState("run-1"));
    expect(state.agents[0].map((a) => a.status)).toEqual(["done", "done", "skipped", "skipped"]);
    expect(state.finalText).toBe("merged");
  });

  it("deadline: waits at most ms after the first answer, then skips the rest", async () => {
    const late = textModel(["too late"], { initialDelayMs: 2000 });
    const config = layers({ agents: ["sim:a", "sim:b", "sim:late"], policy: { kind: "deadline", ms: 100 } }, ["sim:agg"]);
    const events = await run(config, ask("q"), {
      resolveModel: resolverFor({ "sim:a": fast("A", 10), "sim:b": fast("B", 40), "sim:late": late, "sim:agg": fast("merged") }),
    });
    expectWellFormed(events);
    const [skipped] = ofType(events, "agent-skipped");
    expect(skipped.agent).toBe(2);
    expect(skipped.reason).toContain("100 ms");
    expect(late.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    const firstFinish = ofType(events, "agent-finished")[0];
    expect(skipped.t - firstFinish.t).toBeGreaterThanOrEqual(95);
    expect(skipped.t - firstFinish.t).toBeLessThan(1500);
    expect(ofType(events, "layer-finished")[0]).toMatchObject({ succeeded: 2, skipped: 1 });
  });

  it("deadline: skips nothing when everyone answers in time", async () => {
    const config = layers({ agents: ["sim:a", "sim:b"], policy: { kind: "deadline", ms: 500 } }, ["sim:agg"]);
    const events = await run(config, ask("q"), {
      resolveModel: resolverFor({ "sim:a": fast("A", 5), "sim:b": fast("B", 30), "sim:agg": fast("m") }),
    });
    expect(ofType(events, "agent-skipped")).toHaveLength(0);
    expect(ofType(events, "layer-finished")[0].succeeded).toBe(2);
  });

  it("all (default): waits for the slow agent", async () => {
    const events = await run(layers(["sim:a", "sim:slow"], ["sim:agg"]), ask("q"), {
      resolveModel: resolverFor({ "sim:a": fast("A"), "sim:slow": fast("S", 150), "sim:agg": fast("m") }),
    });
    expect(ofType(events, "layer-finished")[0]).toMatchObject({ succeeded: 2, skipped: 0 });
  });
});

describe("runMoA: cancellation", () => {
  it("cancel mid-run aborts every upstream request and ends with run-cancelled", async () => {
    const a = hangingModel(["partial A"]);
    const b = hangingModel();
    const controller = new AbortController();
    const events: RunEvent[] = [];
    for await (const event of runMoA(layers(["sim:a", "sim:b"], ["sim:agg"]), ask("q"), {
      runId: "run-1",
      resolveModel: resolverFor({ "sim:a": a, "sim:b": b }),
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === "agent-delta") controller.abort("stopped from the test");
    }
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "stopped from the test" });
    expect(a.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(b.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(ofType(events, "agent-failed")).toHaveLength(0);
    const state = events.reduce(reduceRun, initialRunState("run-1"));
    expect(state.status).toBe("cancelled");
    expect(state.agents[0].map((ag) => ag.status)).toEqual(["stopped", "stopped"]);
    expect(state.agents[0][0].text).toBe("partial A");
  });

  it("uses a default reason when the signal has none", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const events = await run(layers(["sim:a"]), ask("q"), { resolveModel: () => hangingModel(), signal: controller.signal });
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "cancelled by user" });
  });

  it("a signal aborted before start calls no model", async () => {
    const model = textModel(["x"]);
    const events = await collect(
      runMoA(layers(["sim:a"]), ask("q"), { runId: "r", resolveModel: () => model, signal: AbortSignal.abort("too late") }),
    );
    expect(events.map((e) => e.type)).toEqual(["run-started", "run-cancelled"]);
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it("cancels during a retry wait without waiting it out", async () => {
    const controller = new AbortController();
    const model = scriptedModel([apiError(429, { headers: { "retry-after": "10" } })]);
    const started = performance.now();
    const iterator = runMoA(layers(["sim:a"]), ask("q"), { runId: "r", resolveModel: () => model, signal: controller.signal });
    const events: RunEvent[] = [];
    for await (const event of iterator) {
      events.push(event);
      if (event.type === "agent-retry") controller.abort();
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events.at(-1)?.type).toBe("run-cancelled");
  });

  it("a model that ignores its abort signal still stops at once, mid-answer or before its stream opens", async () => {
    // Deaf models: one streams a token then goes silent for ever, the other never opens its stream.
    const silent = new MockLanguageModelV3({
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            streamParts(["half "]).slice(0, 3).forEach((p) => controller.enqueue(p));
          },
        }),
      }),
    });
    const unopened = new MockLanguageModelV3({ doStream: () => new Promise(() => {}) });
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const started = performance.now();
    for await (const event of runMoA(layers(["sim:a", "sim:b"], ["sim:agg"]), ask("q"), {
      runId: "r",
      resolveModel: resolverFor({ "sim:a": silent, "sim:b": unopened }),
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === "agent-delta") controller.abort("stopped");
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "stopped" });
    const state = events.reduce(reduceRun, initialRunState("r"));
    expect(state.agents[0].map((a) => a.status)).toEqual(["stopped", "stopped"]);
    expect(state.agents[0][0].text).toBe("half ");
  });

  it("a consumer that stops reading aborts every request", async () => {
    const a = hangingModel(["some"]);
    const b = hangingModel();
    const iterator = runMoA(layers(["sim:a", "sim:b"], ["sim:agg"]), ask("q"), { runId: "r", resolveModel: resolverFor({ "sim:a": a, "sim:b": b }) });
    for await (const event of iterator) {
      if (event.type === "agent-delta") break;
    }
    expect(a.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(b.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
