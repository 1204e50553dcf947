import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { buildSynthesisBlock } from "@/lib/moa/synthesis";
import { createModelResolver } from "@/lib/providers/registry";
import { knowledgeOf } from "@/lib/providers/sim/knowledge";
import { simProfile } from "@/lib/providers/sim/profiles";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";

const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "100000" } });
const PROMPTS = BUILTIN_PROMPTS.map((p) => p.prompt);
const DIVERSE = ["falcon", "heron", "otter", "lynx", "badger", "orca"];

async function answer(model: string, prompt: string, opts: { system?: string; temperature?: number; seed?: number } = {}) {
  return streamText({ model: resolve(model), prompt, ...opts }).text;
}

function jaccard(a: string[], b: string[]): number {
  const union = new Set([...a, ...b]);
  return union.size === 0 ? 1 : a.filter((x) => b.includes(x)).length / union.size;
}

function meanPairwise(sets: string[][]): number {
  const values: number[] = [];
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) values.push(jaccard(sets[i], sets[j]));
  return values.reduce((s, v) => s + v, 0) / values.length;
}

describe("what sim models know", () => {
  it("same model, prompt, temperature and seed: the same text", async () => {
    const a = await answer("sim:lynx", PROMPTS[4], { temperature: 0.7, seed: 3 });
    expect(await answer("sim:lynx", PROMPTS[4], { temperature: 0.7, seed: 3 })).toBe(a);
  });

  it("knows round(recall × N) points, different ones for different models", () => {
    for (const prompt of PROMPTS) {
      const world = worldOf(prompt);
      const sets = DIVERSE.map((m) => knowledgeOf(world, m, simProfile(m).skill).points);
      DIVERSE.forEach((m, i) => expect(sets[i]).toHaveLength(Math.round(simProfile(m).skill.recall * world.points.length)));
      expect(new Set(sets.map((s) => s.join())).size).toBeGreaterThan(3);
    }
  });

  it("samples of one model overlap more than answers of different models (diversity matters)", async () => {
    let self = 0;
    let diverse = 0;
    for (const prompt of PROMPTS) {
      const world = worldOf(prompt);
      const samples = await Promise.all([0, 1, 2, 3, 4, 5].map((seed) => answer("sim:orca", prompt, { temperature: 0.7, seed })));
      const others = await Promise.all(DIVERSE.map((m) => answer(`sim:${m}`, prompt)));
      self += meanPairwise(samples.map((t) => carriedBy(world, t).points));
      diverse += meanPairwise(others.map((t) => carriedBy(world, t).points));
    }
    expect(self / PROMPTS.length).toBeGreaterThan(0.6);
    expect(diverse / PROMPTS.length).toBeLessThan(self / PROMPTS.length - 0.2);
  });
});

describe("sim aggregators", () => {
  it("with keep=0 and catch=0 carry exactly the points they carry alone: the answers add nothing", async () => {
    for (const prompt of PROMPTS) {
      const world = worldOf(prompt);
      const answers = await Promise.all(DIVERSE.map((m) => answer(`sim:${m}`, prompt)));
      const alone = carriedBy(world, await answer("sim:owl?keep=0&catch=0", prompt)).points;
      const given = carriedBy(world, await answer("sim:owl?keep=0&catch=0", prompt, { system: buildSynthesisBlock(answers) })).points;
      expect(given, prompt).toEqual(alone);
    }
  });

  it("with keep=1 carry the union of the correct points they read", async () => {
    for (const prompt of PROMPTS) {
      const world = worldOf(prompt);
      const answers = await Promise.all(DIVERSE.map((m) => answer(`sim:${m}`, prompt)));
      const union = new Set(answers.flatMap((a) => carriedBy(world, a).points));
      const merged = carriedBy(world, await answer("sim:owl?keep=1", prompt, { system: buildSynthesisBlock(answers) })).points;
      for (const id of union) expect(merged, prompt).toContain(id);
    }
  });

  it("drop a wrong claim that one of three answers makes (and say so), keep one that most answers make", async () => {
    const prompt = PROMPTS[2];
    const world = worldOf(prompt);
    const [k1, k2, k3, w1] = [world.points[0].text, world.points[1].text, world.points[2].text, world.wrong[0].text];
    const outvoted = buildSynthesisBlock([`${k1} ${w1}`, `${k1} ${k2}`, k3]);
    const caught = await answer("sim:owl?keep=1&catch=1&halluc=0", prompt, { system: outvoted });
    expect(carriedBy(world, caught).wrong).toEqual([]);
    expect(caught).toMatch(/### A claim I left out\n\n- Answer 1 states: “.*” This is wrong/);
    const consensus = buildSynthesisBlock([`${k1} ${w1}`, `${k2} ${w1}`, k3]);
    expect(carriedBy(world, await answer("sim:owl?keep=1&catch=1&halluc=0", prompt, { system: consensus })).wrong).toEqual(["w1"]);
  });

  it("read real-model answers through the same fuzzy match", async () => {
    const prompt = PROMPTS[2];
    const world = worldOf(prompt);
    const real = ["Let the ball be x. Then x + (x + 1) = 1.10, so the ball costs five cents.", "The ball costs 5 cents and the bat $1.05."];
    const merged = carriedBy(world, await answer("sim:owl?keep=1&recall=0", prompt, { system: buildSynthesisBlock(real) })).points;
    expect(merged).toContain("k1");
  });
});

describe("what sim answers look like", () => {
  it("code prompts get a fenced code block with real code", async () => {
    const builtIn = await answer("sim:falcon", BUILTIN_PROMPTS.find((p) => p.id === "code-1")!.prompt);
    expect(builtIn).toMatch(/```ts\n(?:export )?function longestCommonPrefix\(/);
    const other = await answer("sim:otter", "Write a Rust function that reverses the words of a sentence.");
    expect(other).toMatch(/```rust\nfn \w+\(/);
  });

  it("the bulleted style and list prompts give markdown lists; the stepwise style numbers its steps", async () => {
    expect(await answer("sim:heron", "Why is the sky blue?")).toMatch(/^- [A-Z]/m);
    expect(await answer("sim:otter", "What are the main causes of inflation?")).toMatch(/^- [A-Z]/m);
    expect(await answer("sim:lynx", "Why is the sky blue?")).toMatch(/^1\. [A-Z]/m);
  });

  it("extraction prompts get the JSON or table they ask for, built from the claims the model makes", async () => {
    const json = await answer("sim:orca", BUILTIN_PROMPTS.find((p) => p.id === "extract-1")!.prompt);
    const block = /```json\n([\s\S]*?)\n```/.exec(json)?.[1];
    expect(Array.isArray(JSON.parse(block ?? "null"))).toBe(true);
    expect(await answer("sim:orca", BUILTIN_PROMPTS.find((p) => p.id === "extract-2")!.prompt)).toMatch(/^\| Person \| Role \|$/m);
  });
});
