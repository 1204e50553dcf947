import { simulateReadableStream, streamText } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import { supportsPrefixContinuation } from "@/lib/moa/prefix-continuation";
import { createModelResolver } from "@/lib/providers/registry";
import { findAnswerSpans } from "@/lib/moa/synthesis";
import { ask, collect, expectWellFormed, ofType, promptOf, resolverFor, run, streamParts, textModel } from "./helpers";

/** A proposer that writes `pieces` chunks of 50 characters, one every `everyMs`. */
const proposer = (letter: string, pieces = 8, everyMs = 15) =>
  textModel(
    Array.from({ length: pieces }, (_, i) => `${letter}${i}`.padEnd(50, letter)),
    { initialDelayMs: 5, chunkDelayMs: everyMs },
  );

/** An aggregator that, on each call, writes `words` words named after the call number. */
function aggregator(words = 12, everyMs = 10) {
  let call = 0;
  return new MockLanguageModelV3({
    doStream: async () => {
      const n = call++;
      const chunks = Array.from({ length: words }, (_, i) => `c${n}w${i} `);
      return { stream: simulateReadableStream({ chunks: streamParts(chunks), initialDelayInMs: 5, chunkDelayInMs: everyMs }) };
    },
  });
}

const config = (ids: string[], agg: string, chunkChars = 100): MoAConfig => ({
  layers: [{ agents: ids.map((model) => ({ model })) }, { agents: [{ model: agg }] }],
  earlyAggregation: { chunkChars },
});

const fullText = (letter: string, pieces = 8) => Array.from({ length: pieces }, (_, i) => `${letter}${i}`.padEnd(50, letter)).join("");

describe("early aggregation (staircase streaming)", () => {
  it("starts the aggregator before the proposers finish and ends with every proposer's full text", async () => {
    const agg = aggregator();
    const models = { "compat:a": proposer("a"), "compat:b": proposer("b", 8, 25), "compat:c": proposer("c"), "compat:agg": agg };
    const events = await run(config(Object.keys(models).slice(0, 3), "compat:agg"), ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);

    const lastProposerDone = Math.max(...ofType(events, "agent-finished").filter((e) => e.layer === 0).map((e) => e.seq));
    const firstAggDelta = ofType(events, "agent-delta").find((e) => e.layer === 1)!;
    expect(firstAggDelta.seq).toBeLessThan(lastProposerDone);
    expect(agg.doStreamCalls.length).toBeGreaterThan(1);

    // The last request saw each proposer's whole answer, and continued the text written so far.
    const finalPrompt = promptOf(agg, agg.doStreamCalls.length - 1);
    const system = finalPrompt[0].content;
    expect(findAnswerSpans(system).map((s) => system.slice(s.start, s.end))).toEqual([fullText("a"), fullText("b"), fullText("c")]);
    expect(finalPrompt.at(-1)?.role).toBe("assistant");
    // Earlier requests saw shorter answers.
    const firstSystem = promptOf(agg, 0)[0].content;
    expect(firstSystem.length).toBeLessThan(system.length);
  });

  it("streams one continuous answer: each request continues exactly what the client has seen", async () => {
    const agg = aggregator();
    const models = { "sim:a": proposer("a"), "sim:b": proposer("b", 10), "sim:agg": agg };
    const events = await run(config(["sim:a", "sim:b"], "sim:agg"), ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);

    const deltas = ofType(events, "agent-delta").filter((e) => e.layer === 1);
    const streamed = deltas.map((d) => d.text).join("");
    const finished = ofType(events, "agent-finished").find((e) => e.layer === 1)!;
    expect(finished.text).toBe(streamed);
    expect(ofType(events, "run-finished")[0].text).toBe(streamed);
    expect(ofType(events, "agent-started").filter((e) => e.layer === 1)).toHaveLength(1);

    // Every re-issued request's assistant prefix is a prefix of the final answer, growing each time.
    const prefixes = agg.doStreamCalls.slice(1).map((_, i) => promptOf(agg, i + 1).at(-1)!);
    expect(prefixes.length).toBeGreaterThan(0);
    let previous = "";
    for (const prefix of prefixes) {
      expect(prefix.role).toBe("assistant");
      expect(streamed.startsWith(prefix.content)).toBe(true);
      expect(prefix.content.length).toBeGreaterThanOrEqual(previous.length);
      previous = prefix.content;
    }
    // The final pass ran to its end, so the answer ends with the last call's last word.
    expect(streamed.endsWith(`c${agg.doStreamCalls.length - 1}w11 `)).toBe(true);
  });

  it("falls back to wait-for-all for providers that cannot continue a prefix", async () => {
    const agg = aggregator(5, 1);
    const models = { "openai:a": proposer("a"), "openai:b": proposer("b"), "openai:agg": agg };
    const events = await run(config(["openai:a", "openai:b"], "openai:agg"), ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);
    expect(agg.doStreamCalls).toHaveLength(1);
    expect(promptOf(agg).at(-1)?.role).toBe("user");
    const types = events.map((e) => e.type);
    expect(types.indexOf("layer-finished")).toBeLessThan(types.lastIndexOf("layer-started"));
    expect(supportsPrefixContinuation("groq:llama")).toBe(false);
    expect(["sim:x", "anthropic:claude", "ollama:llama3.2", "compat:q", "local:tiny"].every(supportsPrefixContinuation)).toBe(true);
  });

  it("cancel stops the proposers and the aggregator mid-staircase", async () => {
    const agg = aggregator(200, 10);
    const slow = proposer("a", 100, 10);
    const models = { "sim:a": slow, "sim:agg": agg };
    const controller = new AbortController();
    const events: Awaited<ReturnType<typeof collect>> = [];
    for await (const event of runMoA(config(["sim:a"], "sim:agg"), ask("q"), { runId: "run-1", resolveModel: resolverFor(models), signal: controller.signal })) {
      events.push(event);
      if (event.type === "agent-delta" && event.layer === 1) controller.abort("stopped in test");
    }
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "stopped in test" });
    expect(slow.doStreamCalls[0].abortSignal?.aborted).toBe(true);
    expect(agg.doStreamCalls.at(-1)?.abortSignal?.aborted).toBe(true);
  });

  it("fails the run when the proposers all fail after the aggregator started", async () => {
    const broken = new MockLanguageModelV3({
      doStream: async () => ({
        stream: simulateReadableStream({
          chunks: [...streamParts(["x".repeat(120)]).slice(0, 3), { type: "error" as const, error: new Error("connection reset") }],
          initialDelayInMs: 5,
          chunkDelayInMs: 40,
        }),
      }),
    });
    const events = await run(config(["sim:a"], "sim:agg"), ask("q"), { resolveModel: resolverFor({ "sim:a": broken, "sim:agg": aggregator(50, 20) }) });
    expectWellFormed(events);
    expect(events.at(-1)).toMatchObject({ type: "run-failed" });
  });

  it("the simulator continues a trailing assistant message instead of starting over", async () => {
    const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "50" } });
    const id = "sim:heron?tokens=60";
    const question = { role: "user" as const, content: "Explain how vaccines train the immune system." };
    const whole = await streamText({ model: resolve(id), messages: [question], maxRetries: 0 }).text;
    const words = whole.match(/\s*\S+/g)!;
    const prefix = words.slice(0, 25).join("");
    const rest = await streamText({ model: resolve(id), messages: [question, { role: "assistant", content: prefix }], maxRetries: 0 }).text;
    expect(prefix + rest).toBe(whole);
  });

  it("runs a three-layer simulated MoA with early aggregation to one complete answer", async () => {
    const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "20" } });
    // A slow, long proposer: the final aggregator can start well before it ends.
    const ids = [["sim:falcon", "sim:heron", "sim:otter?tokens=150&tps=10"], ["sim:falcon", "sim:heron"], ["sim:owl"]];
    const config: MoAConfig = { layers: ids.map((row) => ({ agents: row.map((model) => ({ model })) })), earlyAggregation: { chunkChars: 120 } };
    const events = await collect(runMoA(config, ask("Explain how vaccines train the immune system."), { runId: "run-1", resolveModel: resolve }));
    expectWellFormed(events);
    const finals = ofType(events, "agent-finished");
    expect(finals).toHaveLength(6);
    const firstFinalDelta = ofType(events, "agent-delta").find((e) => e.layer === 2)!;
    const lastProposer = Math.max(...finals.filter((e) => e.layer === 0).map((e) => e.seq));
    expect(firstFinalDelta.seq).toBeLessThan(lastProposer);
    const answer = ofType(events, "run-finished")[0].text;
    expect(answer).toBe(ofType(events, "agent-delta").filter((e) => e.layer === 2).map((e) => e.text).join(""));
    expect(answer.split(/\s+/).length).toBeGreaterThan(40);
  });
});
