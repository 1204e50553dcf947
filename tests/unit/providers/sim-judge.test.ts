import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { buildJudgeMessages, combineSwappedVerdicts, parseJudgeVerdict, type JudgeVerdict } from "@/lib/moa/variants/judge";
import { createModelResolver } from "@/lib/providers/registry";
import { judgeScore } from "@/lib/providers/sim/judge-score";
import { worldOf } from "@/lib/providers/sim/world";
import { createRng } from "@/lib/providers/sim/rng";

const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "100000" } });
const QUESTION = "Why does the Moon always show the same face to the Earth? Answer in a short paragraph for a curious teenager.";
const world = worldOf(QUESTION);
const text = (ids: string[]) => [...world.points, ...world.wrong].filter((p) => ids.includes(p.id)).map((p) => p.text).join(" ");

async function judge(a: string, b: string, judgeModel = "sim:owl"): Promise<JudgeVerdict> {
  const [system, user] = buildJudgeMessages([{ role: "user", content: QUESTION }], a, b);
  const reply = await streamText({ model: resolve(judgeModel), system: system.content, prompt: user.content }).text;
  const verdict = parseJudgeVerdict(reply);
  if ("error" in verdict) throw new Error(verdict.error);
  return verdict;
}

describe("simulated judge", () => {
  it("prefers the reply that covers more key points, and the verdict mirrors when the order is swapped", async () => {
    const few = text(["k1", "k2"]);
    const many = text(["k1", "k2", "k3", "k4"]);
    const first = await judge(few, many);
    const second = await judge(many, few);
    expect(first.winner).toBe("B");
    expect(second.winner).toBe("A");
    expect(combineSwappedVerdicts(first, second)).toMatchObject({ winner: "second", consistent: true });
    expect(first.reason).toMatch(/covers 4 of 6 key points with no wrong claims/);
    expect(first.reason).toMatch(/covers 2 of 6 key points/);
  });

  it("charges for a wrong claim: one more point does not make up for it", async () => {
    const clean = text(["k1", "k2", "k3"]);
    const wrong = text(["k1", "k2", "k3", "k4", "w1"]);
    expect(judgeScore(world, wrong)).toBeLessThan(judgeScore(world, clean));
    expect((await judge(wrong, clean)).winner).toBe("B");
    expect((await judge(wrong, clean)).reason).toMatch(/1 wrong claim/);
  });

  it("calls replies with the same points a tie, whatever their length", async () => {
    const short = text(["k1", "k2"]);
    const padded = `${short} It is worth going through this slowly. Feel free to ask if any part of this needs more detail, and I hope this makes the picture clearer.`;
    expect((await judge(short, padded)).winner).toBe("tie");
  });

  it("with a length bias, a padded reply wins where it tied or lost, and the reason says so", async () => {
    const short = text(["k1", "k2", "k3"]);
    const padded = `${text(["k1", "k2"])} ${"It is worth going through this slowly and carefully, one step at a time, before moving on. ".repeat(6)}`;
    expect((await judge(short, padded)).winner).toBe("A");
    const biased = await judge(short, padded, "sim:owl?lengthbias=2");
    expect(biased.winner).toBe("B");
    expect(biased.reason).toMatch(/Length bias/);
  });

  it("with noise, stays deterministic and order-independent (each reply's noise is seeded by its text)", async () => {
    const a = text(["k1", "k2", "k3"]);
    const b = text(["k2", "k3", "k4"]);
    const noisy = "sim:owl?noise=0.5";
    const [first, again, swapped] = [await judge(a, b, noisy), await judge(a, b, noisy), await judge(b, a, noisy)];
    expect(again).toEqual(first);
    expect(combineSwappedVerdicts(first, swapped).consistent).toBe(true);
    expect(first.reason).toMatch(/Judge noise/);
    // The noise term is seeded: same rng seed, same score; it moves scores off the clean value.
    expect(judgeScore(world, a, { noise: 0.5, lengthBias: 0 }, createRng(1))).toBe(judgeScore(world, a, { noise: 0.5, lengthBias: 0 }, createRng(1)));
    expect(judgeScore(world, a, { noise: 0.5, lengthBias: 0 }, createRng(1))).not.toBe(judgeScore(world, a));
  });

  it("grades real-model text by its content, not by its words", async () => {
    const real = "The Moon is tidally locked: its rotation period matches its orbital period, so it turns exactly once for each orbit.";
    const myth = "Simple: the Moon doesn't rotate at all, so we always see one side.";
    expect((await judge(myth, real)).winner).toBe("B");
  });
});
