import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { methodNotes } from "@/lib/moa/method-notes";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { ask, expectWellFormed, hangingModel, layers, ofType, resolverFor, run, textModel } from "./helpers";

const fold = (events: Parameters<typeof reduceRun>[1][]): RunState => events.reduce(reduceRun, initialRunState("run-1"));
const fast = (text: string, delayMs = 0) => textModel([text], { initialDelayMs: delayMs });
/** Eight 50-character chunks, one every 15 ms: long enough for a later layer to start early. */
const streaming = (letter: string) =>
  textModel(
    Array.from({ length: 8 }, (_, i) => `${letter}${i}`.padEnd(50, letter)),
    { initialDelayMs: 5, chunkDelayMs: 15 },
  );

describe("method notes: where a run left the paper's method", () => {
  it("quorum: the final answer is marked as written from the fastest k answers", async () => {
    const config = layers({ agents: ["sim:a", "sim:b", "sim:slow"], policy: { kind: "quorum", k: 2 } }, ["sim:agg"]);
    const models = { "sim:a": fast("A", 5), "sim:b": fast("B", 10), "sim:slow": hangingModel(["sl"]), "sim:agg": fast("merged") };
    const events = await run(config, ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);
    expect(methodNotes(fold(events))).toEqual([
      expect.objectContaining({ kind: "quorum", layer: 0, final: true, label: "final answer written from the fastest 2 of 3 answers" }),
    ]);
  });

  it("deadline on an earlier layer is named for that layer", async () => {
    const config = layers({ agents: ["sim:a", "sim:late"], policy: { kind: "deadline", ms: 30 } }, ["sim:mid"], ["sim:agg"]);
    const models = { "sim:a": fast("A"), "sim:late": hangingModel(), "sim:mid": fast("M"), "sim:agg": fast("F") };
    const notes = methodNotes(fold(await run(config, ask("q"), { resolveModel: resolverFor(models) })));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "deadline", layer: 0, final: false, label: "layer 1: the fastest 1 of 2 answers" });
    expect(notes[0].text).toMatch(/deadline of .* after the first answer/);
  });

  it("a policy that dropped nobody changed nothing, and says nothing", async () => {
    const config = layers({ agents: ["sim:a", "sim:b"], policy: { kind: "deadline", ms: 5_000 } }, ["sim:agg"]);
    const models = { "sim:a": fast("A"), "sim:b": fast("B", 5), "sim:agg": fast("F") };
    expect(methodNotes(fold(await run(config, ask("q"), { resolveModel: resolverFor(models) })))).toEqual([]);
  });

  it("early aggregation on a provider that continues prefixes: layer-started says so, the note names the opening", async () => {
    const config: MoAConfig = { ...layers(["compat:a", "compat:b"], ["compat:agg"]), earlyAggregation: { chunkChars: 100 } };
    const models = { "compat:a": streaming("a"), "compat:b": streaming("b"), "compat:agg": fast("merged answer") };
    const events = await run(config, ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);
    const started = ofType(events, "layer-started");
    expect(started[0].fromPartial).toBeUndefined();
    expect(started[1].fromPartial).toBe(true);
    const state = fold(events);
    expect(state.layers[1].fromPartial).toBe(true);
    expect(methodNotes(state)).toEqual([expect.objectContaining({ kind: "early", layer: 1, final: true, label: "opening written from partial answers" })]);
  });

  it("early aggregation on OpenAI falls back to waiting for all, and the run says so instead of claiming partial answers", async () => {
    const config: MoAConfig = { ...layers(["compat:a", "compat:b"], ["openai:gpt-4o"]), earlyAggregation: { chunkChars: 100 } };
    const agg = fast("merged");
    const models = { "compat:a": streaming("a"), "compat:b": streaming("b"), "openai:gpt-4o": agg };
    const events = await run(config, ask("q"), { resolveModel: resolverFor(models) });
    expectWellFormed(events);
    expect(ofType(events, "layer-started")[1].fromPartial).toBe(false);
    // It really waited: the aggregator was called once, after both proposers finished.
    expect(agg.doStreamCalls).toHaveLength(1);
    const lastProposer = Math.max(...ofType(events, "agent-finished").filter((e) => e.layer === 0).map((e) => e.seq));
    expect(ofType(events, "layer-started")[1].seq).toBeGreaterThan(lastProposer);

    const notes = methodNotes(fold(events));
    expect(notes).toEqual([expect.objectContaining({ kind: "early-fallback", layer: 1, label: "waited for all answers" })]);
    expect(notes[0].text).toContain("openai:gpt-4o cannot continue a partial answer");
  });

  it("a stored early-aggregation run without fromPartial is read the way the engine then ran it", async () => {
    const config: MoAConfig = { ...layers(["compat:a"], ["compat:agg"]), earlyAggregation: {} };
    const events = await run(config, ask("q"), { resolveModel: resolverFor({ "compat:a": streaming("a"), "compat:agg": fast("m") }) });
    const old = events.map((e) => {
      if (e.type !== "layer-started") return e;
      const { fromPartial: _dropped, ...rest } = e;
      return rest;
    });
    expect(methodNotes(fold(old)).map((n) => n.kind)).toEqual(["early"]);
  });
});
