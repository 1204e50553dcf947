import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { assertRankable, runRanker } from "@/lib/runs/ranker-run";
import { RANKER_PROMPT } from "@/lib/moa/variants";
import { ask, collect, expectWellFormed, layers, ofType, promptOf, resolverFor, textModel, usageV3 } from "../moa/helpers";

const CANDIDATE_A = "Paris is the capital of France.";
const CANDIDATE_B = "The capital of France is Paris, on the Seine.";

function models(rankerReply: string[]) {
  const a = textModel([CANDIDATE_A], { usage: usageV3(10, 6) });
  const b = textModel([CANDIDATE_B], { usage: usageV3(11, 9) });
  const ranker = textModel(rankerReply, { usage: usageV3(50, 1) });
  return { a, b, ranker, resolveModel: resolverFor({ "sim:a": a, "sim:b": b, "sim:ranker": ranker }) };
}

const rank = (resolveModel: ReturnType<typeof resolverFor>, signal?: AbortSignal) =>
  collect(runRanker(layers(["sim:a", "sim:b"], ["sim:ranker"]), ask("Capital of France?"), { runId: "r1", resolveModel, signal, retryBaseDelayMs: 1 }));

describe("runRanker: the LLM-Ranker baseline as a run", () => {
  it("answers with the chosen candidate verbatim and shows the ranker's raw reply in its column", async () => {
    const { ranker, resolveModel } = models(["Candidate ", "2"]);
    const events = await rank(resolveModel);

    expectWellFormed(events);
    const started = ofType(events, "run-started")[0];
    expect(started.config.layers).toHaveLength(2);
    const finished = ofType(events, "run-finished")[0];
    expect(finished.text).toBe(CANDIDATE_B);
    expect(finished.usage).toEqual({ inputTokens: 71, outputTokens: 16 });

    const state = events.reduce(reduceRun, initialRunState("r1"));
    expect(state.agents[1][0]).toMatchObject({ status: "done", text: "Candidate 2", model: "sim:ranker" });
    expect(state.finalText).toBe(CANDIDATE_B);

    // The ranker grades: its prompt is the ranker prompt with both candidates numbered.
    const [system, user] = promptOf(ranker);
    expect(system.content).toBe(RANKER_PROMPT);
    expect(user.content).toContain(CANDIDATE_A);
    expect(user.content).toContain(CANDIDATE_B);
  });

  it("falls back to candidate 1 with a visible note when the ranker's reply names no candidate", async () => {
    const { resolveModel } = models(["Both are fine, honestly."]);
    const events = await rank(resolveModel);

    expectWellFormed(events);
    expect(ofType(events, "run-finished")[0].text).toBe(CANDIDATE_A);
    const state = events.reduce(reduceRun, initialRunState("r1"));
    expect(state.agents[1][0].text).toMatch(/^Both are fine, honestly\.\n\n— Could not read a choice .*candidate 1/);
  });

  it("falls back to candidate 1 when the ranker picks a number out of range", async () => {
    const { resolveModel } = models(["7"]);
    const events = await rank(resolveModel);
    expect(ofType(events, "run-finished")[0].text).toBe(CANDIDATE_A);
  });

  it("ends cancelled, not finished, when stopped", async () => {
    const { resolveModel } = models(["1"]);
    const controller = new AbortController();
    controller.abort("stop");
    const events = await rank(resolveModel, controller.signal);
    expectWellFormed(events);
    expect(events.at(-1)?.type).toBe("run-cancelled");
  });

  it("refuses a one-layer config: there is nothing to pick from", () => {
    expect(() => assertRankable(layers(["sim:a"]))).toThrow(/at least two layers/);
    expect(() => assertRankable(layers(["sim:a"], ["sim:b"]))).not.toThrow();
  });
});
