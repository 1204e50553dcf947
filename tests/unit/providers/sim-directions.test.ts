import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { createModelResolver } from "@/lib/providers/registry";
import { judgeScore } from "@/lib/providers/sim/judge-score";
import { worldOf } from "@/lib/providers/sim/world";

/**
 * A mechanism check through the real engine, not a headline number: on the built-in prompts,
 * what an aggregator adds comes from its keep/catch skill. With skill, MoA beats its best
 * proposer and the ranker at every depth (Figure 4a); with keep=0 and catch=0 the gain is gone.
 * The ranker runs as the method strategy, as every LLM-Ranker run does.
 */
const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "1000000" } });
const PROMPTS = BUILTIN_PROMPTS.map((p) => p.prompt);
const PROPOSERS = ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((m) => `sim:${m}`);
const proposers = () => ({ agents: PROPOSERS.map((model) => ({ model })) });
/** The paper's board: `depth − 1` layers of the six (proposers, then the same six refining), then `final`. */
const layered = (depth: number, final: string): MoAConfig => ({ layers: [...Array.from({ length: depth - 1 }, proposers), { agents: [{ model: final }] }] });
const twoLayers = (final: string) => layered(2, final);
const asRanker = (config: MoAConfig): MoAConfig => ({ ...config, method: { kind: "ranker" } });
const single = (model: string): MoAConfig => ({ layers: [{ agents: [{ model }] }] });

async function run(events: AsyncIterable<RunEvent>): Promise<{ final: string; layer1: string[] }> {
  const layer1: string[] = [];
  let final = "";
  for await (const e of events) {
    if (e.type === "agent-finished" && e.layer === 0) layer1[e.agent] = e.text;
    if (e.type === "run-finished") final = e.text;
    if (e.type === "run-failed") throw new Error(e.message);
  }
  return { final, layer1 };
}

async function meanScore(config: MoAConfig): Promise<number> {
  let total = 0;
  for (const prompt of PROMPTS) {
    const messages = [{ role: "user" as const, content: prompt }];
    const { final } = await run(runMoA(config, messages, { runId: "d", resolveModel }));
    total += judgeScore(worldOf(prompt), final);
  }
  return total / PROMPTS.length;
}

describe("the paper's directions emerge from the sim mechanism", () => {
  it("MoA beats its best proposer and the LLM-Ranker; with keep=0 and catch=0 the aggregator adds nothing", async () => {
    const proposers = await Promise.all(PROPOSERS.map((m) => meanScore(single(m))));
    const best = Math.max(...proposers);
    const moa = await meanScore(twoLayers("sim:owl"));
    const ranker = await meanScore(asRanker(twoLayers("sim:owl")));
    const unskilled = await meanScore(twoLayers("sim:owl?keep=0&catch=0"));
    const owlAlone = await meanScore(single("sim:owl?keep=0&catch=0"));

    expect(moa).toBeGreaterThan(best + 1);
    expect(moa).toBeGreaterThan(ranker + 1);
    expect(unskilled).toBe(owlAlone);
    expect(unskilled).toBeLessThan(best);
  });

  it("at three layers too: MoA keeps its two-layer score and beats the ranker picking among the refined answers", async () => {
    const moa2 = await meanScore(layered(2, "sim:owl"));
    const moa3 = await meanScore(layered(3, "sim:owl"));
    const ranker3 = await meanScore(asRanker(layered(3, "sim:owl")));
    const ranker2 = await meanScore(asRanker(layered(2, "sim:owl")));
    expect(moa3).toBeGreaterThanOrEqual(moa2);
    expect(moa3).toBeGreaterThan(ranker3);
    // Picking among refined answers beats picking among proposals: the refining layer did synthesise.
    expect(ranker3).toBeGreaterThan(ranker2 + 1);
  });

  it("the ranker only selects: its answer never scores above the best candidate it was given", async () => {
    for (const prompt of PROMPTS) {
      const messages = [{ role: "user" as const, content: prompt }];
      const { final, layer1 } = await run(runMoA(asRanker(twoLayers("sim:owl")), messages, { runId: "r", resolveModel }));
      const world = worldOf(prompt);
      expect(layer1).toContain(final);
      expect(judgeScore(world, final)).toBeLessThanOrEqual(Math.max(...layer1.map((a) => judgeScore(world, a))));
    }
  });
});
