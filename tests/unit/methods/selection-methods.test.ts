import { describe, expect, it } from "vitest";
import { configForMethod } from "@/lib/moa/methods/from-board";
import { agreementScores } from "@/lib/providers/sim/method-replies";
import { worldOf } from "@/lib/providers/sim/world";
import { ask, collect, expectWellFormed } from "../moa/helpers";
import { runMoA } from "@/lib/moa/engine";
import { answersIn, board, finished, recordingSim, steps, texts } from "./helpers";

const QUESTION = "Why is the sky blue?";
const run = (config: Parameters<typeof runMoA>[0], sim: ReturnType<typeof recordingSim>) =>
  collect(runMoA(config, ask(QUESTION), { runId: "m", resolveModel: sim.resolveModel, resolveEmbeddingModel: sim.resolveEmbeddingModel }));
const strongest = { model: "sim:falcon" };

describe("Universal Self-Consistency", () => {
  it("answers with one proposer's text word for word: the one agreeing most with the rest", async () => {
    const sim = recordingSim();
    const events = await run(configForMethod("usc", board(2), strongest), sim);
    expectWellFormed(events);
    const inputs = texts(events, 0);
    const answer = finished(events).text;
    expect(inputs).toContain(answer);
    const scores = agreementScores(worldOf(QUESTION), inputs);
    expect(inputs.indexOf(answer)).toBe(scores.indexOf(Math.max(...scores)));
    // The final agent was asked to select, not to write.
    expect(sim.calls.at(-1)!.system).toMatch(/most consistent/);
    expect(steps(events).at(-1)).toMatchObject({ step: "select", layer: 1 });
  });
});

describe("LLM-Ranker as a method", () => {
  it("answers with the candidate the ranker names", async () => {
    const sim = recordingSim();
    const events = await run(configForMethod("ranker", board(2), strongest), sim);
    expectWellFormed(events);
    const final = texts(events, 1)[0];
    expect(final).toMatch(/^\d+$/);
    expect(finished(events).text).toBe(texts(events, 0)[Number(final) - 1]);
  });
});

describe("Rank-then-Fuse", () => {
  it("ranks every answer, then fuses only the top k, best first, into a new answer", async () => {
    const sim = recordingSim();
    const config = configForMethod("rank-fuse", board(2), strongest, { kind: "rank-fuse", k: 2 });
    const events = await run(config, sim);
    expectWellFormed(events);
    const rank = steps(events).find((s) => s.step === "rank")!;
    expect(rank.reply).toMatch(/^\d( > \d){5}$/);
    const order = rank.reply!.split(" > ").map((n) => Number(n) - 1);
    expect(rank.inputs).toEqual(order.slice(0, 2).map((agent) => ({ layer: 0, agent })));
    const fuser = sim.calls.at(-1)!;
    expect(answersIn(fuser)).toBe(2);
    const inputs = texts(events, 0);
    expect(fuser.system.indexOf(inputs[order[0]])).toBeLessThan(fuser.system.indexOf(inputs[order[1]]));
    expect(inputs).not.toContain(finished(events).text);
  });
});

describe("SMoA", () => {
  it("forwards exactly k answers to every later agent, and so reads fewer tokens than MoA", async () => {
    const smoaSim = recordingSim();
    const smoa = await run(configForMethod("smoa", board(3), strongest, { kind: "smoa", k: 2, moderator: false }), smoaSim);
    expectWellFormed(smoa);
    const aggregators = smoaSim.calls.filter((c) => c.system.includes("Below are answers"));
    expect(aggregators).toHaveLength(7);
    for (const call of aggregators) expect(answersIn(call)).toBe(2);
    expect(steps(smoa).filter((s) => s.step === "select").map((s) => s.inputs?.length)).toEqual([2, 2]);

    const moa = await run(board(3), recordingSim());
    const layerInput = (events: typeof moa) =>
      events.filter((e) => e.type === "agent-finished" && e.layer > 0).reduce((n, e) => n + (e.type === "agent-finished" ? e.usage.inputTokens : 0), 0);
    expect(layerInput(smoa)).toBeLessThan(layerInput(moa) * 0.6);
  });
});
