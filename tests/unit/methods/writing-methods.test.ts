import { describe, expect, it } from "vitest";
import { moaConfigSchema } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import { configForMethod } from "@/lib/moa/methods/from-board";
import { parseFusionReply } from "@/lib/moa/methods/fusion";
import { ask, collect, expectWellFormed } from "../moa/helpers";
import { answersIn, board, finished, recordingSim, SIX, steps, texts } from "./helpers";

const QUESTION = "Why is the sky blue?";
const run = (config: Parameters<typeof runMoA>[0], sim: ReturnType<typeof recordingSim>) =>
  collect(runMoA(config, ask(QUESTION), { runId: "m", resolveModel: sim.resolveModel, resolveEmbeddingModel: sim.resolveEmbeddingModel }));
const strongest = { model: "sim:falcon" };

describe("Self-MoA", () => {
  it("samples the strongest model in every proposer slot; the samples differ", async () => {
    const config = configForMethod("self-moa", board(3), strongest);
    expect(config.layers).toHaveLength(2);
    expect(new Set(config.layers[0].agents.map((a) => a.model))).toEqual(new Set(["sim:falcon"]));
    const events = await run(config, recordingSim());
    expectWellFormed(events);
    expect(new Set(texts(events, 0)).size).toBeGreaterThan(1);
  });

  it("is refused by the schema when the proposers are different models", () => {
    const parsed = moaConfigSchema.safeParse({ ...board(2), method: { kind: "self-moa" } });
    expect(parsed.success).toBe(false);
  });
});

describe("Self-MoA-Seq", () => {
  it("aggregates in windows of w: the first step reads w samples, each later one the synthesis so far plus w − 1 more", async () => {
    const sim = recordingSim();
    const config = configForMethod("self-moa-seq", board(2), strongest, { kind: "self-moa-seq", window: 3 });
    // 6 samples in windows of 3: samples 1–3, then synthesis + 4–5, then synthesis + 6.
    expect(config.layers.map((l) => l.agents.length)).toEqual([6, 1, 1, 1]);
    const events = await run(config, sim);
    expectWellFormed(events);
    const selects = steps(events).filter((s) => s.step === "select");
    expect(selects.map((s) => s.inputs)).toEqual([
      [0, 1, 2].map((agent) => ({ layer: 0, agent })),
      [{ layer: 1, agent: 0 }, ...[3, 4].map((agent) => ({ layer: 0, agent }))],
      [{ layer: 2, agent: 0 }, { layer: 0, agent: 5 }],
    ]);
    const aggregations = sim.calls.filter((c) => c.system.includes("Below are answers"));
    expect(aggregations.map(answersIn)).toEqual([3, 3, 2]);
    // Each step reads the previous step's synthesis verbatim.
    expect(aggregations[1].system).toContain(texts(events, 1)[0]);
    expect(aggregations[2].system).toContain(texts(events, 2)[0]);
  });

  it("refuses a board whose step count does not fit its samples and window", () => {
    const config = { layers: [{ agents: Array.from({ length: 6 }, () => strongest) }, { agents: [strongest] }], method: { kind: "self-moa-seq", window: 3 } };
    const parsed = moaConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/take 3 aggregation steps, not 1/);
  });
});

describe("Fusion", () => {
  it("the aggregator analyses before it writes; the analysis becomes a step pointing at the answers, the answer stays clean", async () => {
    const sim = recordingSim();
    const events = await run(configForMethod("fusion", board(2), strongest), sim);
    expectWellFormed(events);
    const step = steps(events).find((s) => s.step === "analysis")!;
    expect(step.inputs).toHaveLength(6);
    const analysis = step.analysis!;
    expect(analysis.consensus.length).toBeGreaterThan(0);
    for (const finding of Object.values(analysis).flat()) for (const n of finding.answers) expect(n).toBeGreaterThanOrEqual(1), expect(n).toBeLessThanOrEqual(6);
    const answer = finished(events).text;
    expect(answer).not.toMatch(/<analysis>|<answer>|consensus/);
    expect(texts(events, 1)[0]).toContain("<analysis>");
  });

  it("parses analyses in code fences and reports unreadable ones", () => {
    const fenced = parseFusionReply('<analysis>```json\n{"consensus":[{"text":"Rayleigh scattering","answers":[1,2]}]}\n```</analysis>\n<answer>Blue light scatters more.</answer>');
    expect(fenced).toEqual({ answer: "Blue light scatters more.", analysis: { consensus: [{ text: "Rayleigh scattering", answers: [1, 2] }], contradictions: [], unique: [], blindSpots: [] } });
    expect(parseFusionReply("<analysis>not json</analysis> Hi").error).toMatch(/not valid JSON/);
    expect(parseFusionReply("Just an answer.")).toMatchObject({ answer: "Just an answer.", error: expect.stringMatching(/no <analysis>/) });
  });
});

describe("Council", () => {
  it("every member ranks the anonymised answers, then the chairman writes from answers and peer ranking", async () => {
    const sim = recordingSim();
    const events = await run(configForMethod("council", board(3), strongest), sim);
    expectWellFormed(events);
    const reviews = steps(events).filter((s) => s.step === "review");
    expect(reviews.map((r) => r.model).sort()).toEqual([...SIX].sort());
    const reviewCalls = sim.calls.filter((c) => c.system.includes("member of a council"));
    expect(reviewCalls).toHaveLength(6);
    // Anonymised: no reviewer is told which model wrote what.
    for (const call of reviewCalls) for (const model of SIX) expect(call.user).not.toContain(model.slice(4));
    for (const review of reviews) expect(review.reply).toMatch(/FINAL RANKING:\n1\. Response \d/);
    const chair = sim.calls.at(-1)!;
    expect(chair.model).toBe("sim:owl");
    expect(chair.system).toMatch(/Peer ranking \(lower is better\):\nResponse \d: average rank/);
    expect(answersIn(chair)).toBe(6);
    expect(steps(events).find((s) => s.step === "rank")?.note).toMatch(/over 6 reviews/);
  });

  it("is refused with more than two layers", () => {
    expect(moaConfigSchema.safeParse({ ...board(3), method: { kind: "council" } }).success).toBe(false);
  });
});

describe("the live answer of a method", () => {
  it("is the final agent's text for MoA, nothing for a pick until it is made, Fusion's reply after <answer>", async () => {
    const { liveAnswer } = await import("@/lib/moa/methods/schema");
    expect(liveAnswer(undefined, "Blue light")).toBe("Blue light");
    expect(liveAnswer({ kind: "usc" }, "The most consistent response is Response 2")).toBe("");
    expect(liveAnswer({ kind: "fusion" }, '<analysis>{"consensus": []}</analysis>\n\n<answer>\nBlue li')).toBe("Blue li");
    expect(liveAnswer({ kind: "fusion" }, '<analysis>{"consens')).toBe("");
  });
});
