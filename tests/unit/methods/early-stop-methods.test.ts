import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import { pickDiverse } from "@/lib/moa/methods/diversity";
import { hashedBagOfWords, SimEmbeddingModel } from "@/lib/providers/sim/sim-embedding";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { ask, collect, expectWellFormed, resolverFor } from "../moa/helpers";
import { agents, answersIn, board, finished, recordingSim, replyModel, steps, type Call } from "./helpers";

const FRUIT = "Apples, pears and plums are fruit that grow on trees in orchards.";
const FRUIT_AGAIN = "Apples, pears and plums are fruit that grow on trees in the orchards.";
const STARS = "Stars shine because nuclear fusion in their cores turns hydrogen into helium.";
const TIDES = "Tides follow the moon: its gravity pulls the oceans into two bulges.";

/** Four layers of mock models: proposers with fixed answers, aggregators that echo `aggregate`. */
function fourLayers(method: MoAConfig["method"]): MoAConfig {
  return {
    layers: [{ agents: agents("m:a", "m:b", "m:c", "m:d") }, { agents: agents("m:agg", "m:agg") }, { agents: agents("m:agg", "m:agg") }, { agents: agents("m:final") }],
    method,
  };
}

function mocks(aggregate: (system: string) => string, judge: (system: string) => string) {
  const calls: Call[] = [];
  const fixed = (text: string, id: string) => replyModel(() => text, calls, id);
  const resolveModel = resolverFor({
    "m:a": fixed(FRUIT, "m:a"),
    "m:b": fixed(FRUIT_AGAIN, "m:b"),
    "m:c": fixed(STARS, "m:c"),
    "m:d": fixed(TIDES, "m:d"),
    "m:agg": replyModel((system) => (/judge of a panel|moderate a panel/.test(system) ? judge(system) : aggregate(system)), calls, "m:agg"),
    "m:final": replyModel((system) => (/moderate a panel/.test(system) ? judge(system) : "The final answer."), calls, "m:final"),
  });
  return { calls, resolveModel };
}

describe("SMoA's moderator", () => {
  it("ends the rounds early: the layers between are skipped and the final aggregator reads the judge's top k", async () => {
    const { calls, resolveModel } = mocks(() => "We agree: it is fruit.", (system) => (/moderate/.test(system) ? "STOP" : "2, 1"));
    const events = await collect(runMoA(fourLayers({ kind: "smoa", k: 2 }), ask("What grows in orchards?"), { runId: "s", resolveModel }));
    expectWellFormed(events);
    const moderate = steps(events).find((s) => s.step === "moderate")!;
    expect(moderate).toMatchObject({ layer: 2, stop: true });
    const state = events.reduce(reduceRun, initialRunState("s"));
    expect(state.agents[2].map((a) => a.status)).toEqual(["skipped", "skipped"]);
    expect(state.agents[2][0].skipReason).toMatch(/moderator/);
    expect(finished(events).text).toBe("The final answer.");
    const final = calls.filter((c) => c.model === "m:final" && c.system.includes("Below are answers"));
    expect(final).toHaveLength(1);
    expect(answersIn(final[0])).toBe(2);
  });
});

describe("RMoA", () => {
  it("keeps the k most diverse answers: of two near-duplicates at most one goes on", async () => {
    const { calls, resolveModel } = mocks((system) => system.slice(-40), () => "");
    const config: MoAConfig = { layers: [{ agents: agents("m:a", "m:b", "m:c", "m:d") }, { agents: agents("m:final") }], method: { kind: "rmoa", k: 3 } };
    const events = await collect(
      runMoA(config, ask("Tell me something."), { runId: "r", resolveModel, resolveEmbeddingModel: (id) => new SimEmbeddingModel(id) }),
    );
    expectWellFormed(events);
    const select = steps(events).find((s) => s.step === "select")!;
    const picked = select.inputs!.map((r) => r.agent);
    expect(picked).toHaveLength(3);
    expect(picked).toEqual(expect.arrayContaining([2, 3]));
    expect(picked.filter((a) => a === 0 || a === 1)).toHaveLength(1);
    expect(select.model).toBe("sim:hash-bow");
    expect(answersIn(calls.find((c) => c.model === "m:final")!)).toBe(3);
  });

  it("stops once a layer's answers repeat the layer before (converged) and goes straight to the final aggregator", async () => {
    // Aggregators echo the first answer they read: layer 2 repeats layer 1's answers.
    const echo = (system: string) => /<answer-[0-9a-f]{8} n="1">\n([\s\S]*?)\n<\/answer/.exec(system)?.[1] ?? "";
    const { resolveModel } = mocks(echo, () => "");
    const events = await collect(
      runMoA(fourLayers({ kind: "rmoa", k: 2, threshold: 0.9 }), ask("Tell me something."), {
        runId: "r",
        resolveModel,
        resolveEmbeddingModel: (id) => new SimEmbeddingModel(id),
      }),
    );
    expectWellFormed(events);
    const converge = steps(events).filter((s) => s.step === "converge");
    expect(converge.at(-1)).toMatchObject({ layer: 2, stop: true });
    const state = events.reduce(reduceRun, initialRunState("r"));
    expect(state.agents[2].every((a) => a.status === "skipped")).toBe(true);
    expect(state.agents[3][0].status).toBe("done");
  });

  it("the hashed bag-of-words embedder makes shared words point the same way", () => {
    const [a, b, c] = [FRUIT, FRUIT_AGAIN, STARS].map((t) => hashedBagOfWords(t));
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(cos(a, b)).toBeGreaterThan(0.9);
    expect(cos(a, c)).toBeLessThan(0.3);
    expect(pickDiverse([a, b, c], 2)).not.toEqual(expect.arrayContaining([0, 1]));
  });

  it("runs on the sim world with the sim embedder end to end", async () => {
    const sim = recordingSim();
    const events = await collect(
      runMoA({ ...board(3), method: { kind: "rmoa", k: 3 } }, ask("Why is the sky blue?"), { runId: "r", ...sim }),
    );
    expectWellFormed(events);
    expect(steps(events).filter((s) => s.step === "select").every((s) => s.inputs!.length === 3)).toBe(true);
  });
});

describe("RMoA without an embedder", () => {
  it("lets every answer through with a note instead of failing the run", async () => {
    const sim = recordingSim();
    const events = await collect(
      runMoA({ ...board(2), method: { kind: "rmoa", k: 2, embedder: "nowhere:embed" } }, ask("Why is the sky blue?"), {
        runId: "r",
        resolveModel: sim.resolveModel,
        resolveEmbeddingModel: () => {
          throw new Error("no such embedding model");
        },
      }),
    );
    expectWellFormed(events);
    finished(events);
    expect(steps(events)[0]).toMatchObject({ step: "select", inputs: expect.arrayContaining([{ layer: 0, agent: 5 }]) });
    expect(steps(events)[0].note).toMatch(/Could not embed .*no such embedding model.*all 6 go on/);
  });
});
