import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEventSchema } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { RANKER_PROMPT } from "@/lib/moa/variants";
import { rankerPick } from "@/lib/moa/variants/ranker-pick";
import { foldRun } from "@/lib/runs/agent-summary";
import { configOfRequest } from "@/lib/runs/ranker-variant";
import { ask, expectWellFormed, layers, ofType, promptOf, resolverFor, run, textModel, usageV3 } from "../moa/helpers";

const CANDIDATE_A = "Paris is the capital of France.";
const CANDIDATE_B = "The capital of France is Paris, on the Seine.";

function models(rankerReply: string[]) {
  const a = textModel([CANDIDATE_A], { usage: usageV3(10, 6) });
  const b = textModel([CANDIDATE_B], { usage: usageV3(11, 9) });
  const ranker = textModel(rankerReply, { usage: usageV3(50, 1) });
  return { ranker, resolveModel: resolverFor({ "sim:a": a, "sim:b": b, "sim:ranker": ranker }) };
}

/** What run-manager does with a `variant: "ranker"` request: its config, run by the engine. */
const rankVariant = (resolveModel: ReturnType<typeof resolverFor>, signal?: AbortSignal) =>
  run(configOfRequest({ config: layers(["sim:a", "sim:b"], ["sim:ranker"]), variant: "ranker" }), ask("Capital of France?"), { runId: "r1", resolveModel, signal });

describe('the `variant: "ranker"` request is the ranker method', () => {
  it("turns into the ranker method; other requests run as sent", () => {
    const config = layers(["sim:a", "sim:b"], ["sim:ranker"]);
    expect(configOfRequest({ config, variant: "ranker" })).toEqual({ ...config, method: { kind: "ranker" } });
    expect(configOfRequest({ config, variant: "moa" })).toBe(config);
    expect(configOfRequest({ config })).toBe(config);
    expect(() => configOfRequest({ config: layers(["sim:a"]), variant: "ranker" })).toThrow(/at least two layers/);
    expect(() => configOfRequest({ config: { ...config, method: { kind: "usc" } }, variant: "ranker" })).toThrow(/cannot also run the usc method/);
  });

  it("answers with the chosen candidate verbatim; the ranker's column shows its raw reply, its call counts in usage", async () => {
    const { ranker, resolveModel } = models(["Candidate ", "2"]);
    const events = await rankVariant(resolveModel);

    expectWellFormed(events);
    expect(ofType(events, "run-started")[0].config.method).toEqual({ kind: "ranker" });
    const finished = ofType(events, "run-finished")[0];
    expect(finished.text).toBe(CANDIDATE_B);
    expect(finished.usage).toEqual({ inputTokens: 71, outputTokens: 16 });
    expect(ofType(events, "method-step")[0].note).toMatch(/chose answer 2 of 2/);

    const state = events.reduce(reduceRun, initialRunState("r1"));
    expect(state.agents[1][0]).toMatchObject({ status: "done", text: "Candidate 2", model: "sim:ranker" });
    expect(rankerPick(state)).toMatchObject({ layer: 0, agent: 1, candidate: 1, of: 2 });

    const [system, user] = promptOf(ranker);
    expect(system.content).toBe(RANKER_PROMPT);
    expect(user.content).toContain(CANDIDATE_A);
    expect(user.content).toContain(CANDIDATE_B);
  });

  it("falls back to candidate 1, and says so, when the reply names no candidate or one out of range", async () => {
    for (const reply of ["Both are fine, honestly.", "7"]) {
      const events = await rankVariant(models([reply]).resolveModel);
      expectWellFormed(events);
      expect(ofType(events, "run-finished")[0].text).toBe(CANDIDATE_A);
      expect(ofType(events, "method-step")[0].note).toMatch(/Could not read a choice .*answer 1/);
    }
  });

  it("ends cancelled, not finished, when stopped", async () => {
    const controller = new AbortController();
    controller.abort("stop");
    const events = await rankVariant(models(["1"]).resolveModel, controller.signal);
    expectWellFormed(events);
    expect(events.at(-1)?.type).toBe("run-cancelled");
  });

  it("a run stored by the old two-stage ranker still parses and replays to the same answer", () => {
    const file = path.resolve(__dirname, "../../fixtures/runs/ranker-variant-v1.json");
    const events = (JSON.parse(readFileSync(file, "utf8")) as unknown[]).map((e) => runEventSchema.parse(e));
    const started = ofType(events, "run-started")[0];
    const state = foldRun("r-v1", started.config, started.messages, events);
    expect(state.status).toBe("finished");
    expect(state.finalText).toBe(CANDIDATE_B);
    expect(state.agents[1][0].text).toBe("Candidate 2");
    expect(rankerPick(state)).toMatchObject({ layer: 0, agent: 1 });
  });
});
