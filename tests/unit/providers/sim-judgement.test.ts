import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { buildSynthesisBlock } from "@/lib/moa/synthesis";
import { buildRankerMessages } from "@/lib/moa/variants/ranker";
import { createModelResolver } from "@/lib/providers/registry";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";

/**
 * One way to judge a wrong claim, whether a sim model writes or grades: what it can tell is
 * wrong by itself goes once the answers against it outnumber those for it; a claim most answers
 * make passes as consensus in both roles.
 */
const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "100000" } });
const PROMPTS = BUILTIN_PROMPTS.map((p) => p.prompt);
// Knows every point, believes no wrong claim, notices every one: it can tell w1 is wrong.
const SURE = "sim:owl?recall=1&halluc=0&keep=1&catch=1";

async function text(model: string, prompt: string, system: string) {
  return streamText({ model: resolve(model), system, prompt }).text;
}

async function rankerPick(prompt: string, candidates: string[]) {
  const [system, user] = buildRankerMessages([{ role: "user", content: prompt }], candidates);
  return Number(await streamText({ model: resolve(SURE), system: system.content, prompt: user.content }).text);
}

describe("sim judgement of wrong claims", () => {
  it("an aggregator drops a claim it knows is wrong once most answers omit it, though not two to one", async () => {
    for (const prompt of PROMPTS) {
      const world = worldOf(prompt);
      const [k1, k2, k3, w1] = [world.points[0].text, world.points[1].text, world.points[2].text, world.wrong[0].text];
      // Two answers make w1, three omit it: by numbers alone the drop would be a coin toss (catch × (3 − 2) / 2).
      const read = buildSynthesisBlock([`${k1} ${w1}`, `${k2} ${w1}`, k1, k2, k3]);
      expect(carriedBy(world, await text(SURE, prompt, read)).wrong, prompt).toEqual([]);
    }
  });

  it("the same model as ranker doubts the claim exactly when it would drop it as aggregator", async () => {
    const prompt = PROMPTS[2];
    const world = worldOf(prompt);
    const [k1, k2, k3, w1] = [world.points[0].text, world.points[1].text, world.points[2].text, world.wrong[0].text];
    // Most candidates make w1: consensus, so the candidate with most points wins despite it.
    expect(await rankerPick(prompt, [`${k1} ${k2} ${w1}`, `${k3} ${w1}`, k3])).toBe(1);
    const consensus = buildSynthesisBlock([`${k1} ${k2} ${w1}`, `${k3} ${w1}`, k3]);
    expect(carriedBy(world, await text(SURE, prompt, consensus)).wrong).toEqual(["w1"]);
    // One of three makes it: outvoted, so it costs that candidate 1.5 and a clean one wins.
    expect(await rankerPick(prompt, [`${k1} ${k2} ${w1}`, k3, k1])).toBe(2);
    const outvoted = buildSynthesisBlock([`${k1} ${k2} ${w1}`, k3, k1]);
    expect(carriedBy(world, await text(SURE, prompt, outvoted)).wrong).toEqual([]);
  });
});
