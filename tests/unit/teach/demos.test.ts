import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { moaConfigSchema } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import { parseRankerChoice } from "@/lib/moa/variants/ranker";
import { createModelResolver } from "@/lib/providers/registry";
import { carriedBy, worldOf } from "@/lib/providers/sim/world";
import { buildDemo, DEMOS } from "@/lib/teach/demos";
import { isMisleadingAgent, MISLEADING_SYSTEM } from "@/lib/teach/misleading";

const NOTHING_REAL = [{ id: "sim:falcon", available: true, simulated: true }];
const REAL = [
  { id: "openai:gpt-4o-mini", available: true, simulated: false },
  { id: "groq:llama-3.3-70b-versatile", available: true, simulated: false },
  { id: "anthropic:claude-haiku-4-5", available: false, simulated: false },
];
const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "1000" } });

async function finalText(config: Parameters<typeof runMoA>[0], prompt: string) {
  let text = "";
  for await (const e of runMoA(config, [{ role: "user", content: prompt }], { runId: "d", resolveModel: resolve })) {
    if (e.type === "run-finished") text = e.text;
    if (e.type === "run-failed") throw new Error(e.message);
  }
  return text;
}

async function runTexts(config: Parameters<typeof runMoA>[0], prompt: string) {
  const layer1: string[] = [];
  let final = "";
  for await (const e of runMoA(config, [{ role: "user", content: prompt }], { runId: "d", resolveModel: resolve })) {
    if (e.type === "agent-finished" && e.layer === 0) layer1[e.agent] = e.text;
    if (e.type === "run-finished") final = e.text;
  }
  return { final, layer1 };
}

describe("classroom demos", () => {
  it("are valid configs, with and without real models", () => {
    for (const { id } of DEMOS) {
      for (const available of [NOTHING_REAL, REAL]) {
        const demo = buildDemo(id, available);
        expect(moaConfigSchema.safeParse(demo.config).success, id).toBe(true);
        if (demo.compare) expect(moaConfigSchema.safeParse(demo.compare.config).success, id).toBe(true);
        expect(demo.explanation.length).toBeGreaterThan(0);
      }
    }
  });

  it("use only reachable real models when there are some, simulated ones otherwise", () => {
    const real = buildDemo("diversity", REAL);
    const models = real.config.layers.flatMap((l) => l.agents.map((a) => a.model));
    expect(new Set(models)).toEqual(new Set(["openai:gpt-4o-mini", "groq:llama-3.3-70b-versatile"]));
    expect(real.simulated).toBe(false);
    const sim = buildDemo("diversity", NOTHING_REAL);
    expect(sim.simulated).toBe(true);
    expect(new Set(sim.config.layers[0].agents.map((a) => a.model)).size).toBe(6);
    expect(new Set(sim.compare!.config.layers[0].agents.map((a) => a.model)).size).toBe(1);
  });

  it("collaborativeness re-uses the lone proposer as the final aggregator", () => {
    const demo = buildDemo("collaborativeness", NOTHING_REAL);
    expect(demo.config.layers[1].agents[0].model).toBe(demo.config.layers[0].agents[0].model);
  });

  it("marks exactly one misleading proposer", () => {
    const demo = buildDemo("misleading", NOTHING_REAL);
    expect(demo.config.layers[0].agents.filter(isMisleadingAgent)).toHaveLength(1);
    expect(isMisleadingAgent({ system: "Be nice." })).toBe(false);
  });

  it("on simulated models, the ranker picks a candidate by number, and synthesis covers more than any candidate", async () => {
    const demo = buildDemo("synthesis-vs-selection", NOTHING_REAL);
    const text = await finalText(demo.config, demo.prompt);
    expect(parseRankerChoice(text, 3)).toHaveProperty("index");
    const world = worldOf(demo.prompt);
    const { final, layer1 } = await runTexts(demo.compare!.config, demo.prompt);
    const best = Math.max(...layer1.map((a) => carriedBy(world, a).points.length));
    expect(carriedBy(world, final).points.length).toBeGreaterThan(best);
  });

  it("on simulated models, the misleading proposer is caught when outvoted and repeated when not", async () => {
    const world = worldOf("How did the printing press change Europe?");
    const wrong = await streamText({ model: resolve("sim:heron"), system: MISLEADING_SYSTEM, prompt: "How did the printing press change Europe?" }).text;
    expect(wrong).toMatch(/\*\*One thing is certain: /);
    const demo = buildDemo("misleading", NOTHING_REAL);
    const { final: caught, layer1 } = await runTexts(demo.config, demo.prompt);
    const claim = /One thing is certain: ([^*]+)\*\*/.exec(layer1[1])![1];
    const claimId = carriedBy(world, claim).wrong[0];
    expect(claimId).toBeDefined();
    expect(caught).toMatch(/A claim I left out/);
    expect(caught).toMatch(/Answer 2 states with confidence/);
    expect(carriedBy(world, caught).wrong).not.toContain(claimId);
    const fooled = await finalText(demo.compare!.config, demo.prompt);
    expect(carriedBy(world, fooled).wrong).toContain(claimId);
    expect(fooled).not.toMatch(/A claim I left out/);
  });
});
