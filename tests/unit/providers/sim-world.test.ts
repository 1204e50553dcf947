import { describe, expect, it } from "vitest";
import { BUILTIN_PROMPTS } from "@/lib/experiments/builtin-prompts";
import { buildDemo, DEMOS } from "@/lib/teach/demos";
import { carriedBy, handWrittenQuestions, worldOf } from "@/lib/providers/sim/world";

const OTHER_PROMPTS = [
  "Compare tea and coffee for focus.",
  "Write a Rust function that reverses the words of a sentence.",
  "List five tips for better sleep.",
  "What is 2 + 2?",
  "Explain quantum entanglement to a ten-year-old.",
  "Should a small startup use microservices or a monolith?",
];
const NOTHING_REAL = [{ id: "sim:falcon", available: true, simulated: true }];

describe("the simulated world", () => {
  it("has hand-written ground truth for the built-in prompts, the demos and the UI's example prompts", () => {
    const prompts = [...BUILTIN_PROMPTS.map((p) => p.prompt), ...DEMOS.map((d) => buildDemo(d.id, NOTHING_REAL).prompt), "Why is the sky blue?", "How do tides work?"];
    for (const prompt of prompts) expect(worldOf(prompt).handWritten, prompt).toBe(true);
    expect(worldOf("A prompt nobody wrote a world for").handWritten).toBe(false);
  });

  it("gives every prompt 5–10 key points and 3–5 tempting wrong claims, with ids k1.. and w1..", () => {
    for (const question of [...handWrittenQuestions(), ...OTHER_PROMPTS]) {
      const world = worldOf(question);
      expect(world.points.length, question).toBeGreaterThanOrEqual(5);
      expect(world.points.length, question).toBeLessThanOrEqual(10);
      expect(world.wrong.length, question).toBeGreaterThanOrEqual(3);
      expect(world.wrong.length, question).toBeLessThanOrEqual(5);
      expect(world.points.map((p) => p.id)).toEqual(world.points.map((_, i) => `k${i + 1}`));
      expect(world.wrong.map((p) => p.id)).toEqual(world.wrong.map((_, i) => `w${i + 1}`));
    }
  });

  it("reads an answer once per world: the same text read in another world carries that world's claims", () => {
    const tides = worldOf("How do tides work?");
    const sky = worldOf("Why is the sky blue?");
    const answer = tides.points.map((p) => p.text).join(" ");
    const inTides = carriedBy(tides, answer);
    expect(inTides.points).toEqual(tides.points.map((p) => p.id));
    expect(carriedBy(tides, answer)).toBe(inTides);
    // Remembered per world, not per text: the sky world finds (almost) none of its own points in it.
    expect(carriedBy(sky, answer).points.length).toBeLessThan(sky.points.length / 2);
  });

  it("is seeded by the question only", () => {
    expect(worldOf("Compare tea and coffee for focus.")).toEqual(worldOf("  Compare tea and coffee for focus.  "));
    expect(worldOf("Compare tea and coffee for focus.").points).not.toEqual(worldOf("Compare trains and planes for travel.").points);
  });

  it("writes generated points as sentences around the prompt's own words, without echoing the prompt", () => {
    const world = worldOf("Compare tea and coffee for focus.");
    const text = world.points.map((p) => p.text).join(" ");
    expect(text).toMatch(/\btea\b/);
    expect(text).toMatch(/\bcoffee\b/);
    expect(text).not.toMatch(/compare tea/i);
    for (const p of [...world.points, ...world.wrong]) expect(p.text).toMatch(/^[A-Z].*[.!?]$/);
  });

  it("marks code prompts, and list prompts, by kind", () => {
    expect(worldOf(BUILTIN_PROMPTS.find((p) => p.id === "code-1")!.prompt).kind).toBe("code");
    expect(worldOf("Write a Rust function that reverses the words of a sentence.").kind).toBe("code");
    expect(worldOf("List five tips for better sleep.").kind).toBe("list");
    expect(worldOf("Why is the sky blue?").kind).toBe("prose");
  });
});

describe("carriedBy", () => {
  it("finds exactly the claim in each claim's own sentence, in every world (no claim reads as another)", () => {
    for (const question of [...handWrittenQuestions(), ...OTHER_PROMPTS]) {
      const world = worldOf(question);
      for (const item of [...world.points, ...world.wrong]) {
        const carried = carriedBy(world, item.text);
        expect([...carried.points, ...carried.wrong], `${question}: ${item.text}`).toEqual([item.id]);
      }
    }
  });

  it("reads paraphrase in real-model text, with numbers written as words or cents", () => {
    const world = worldOf(BUILTIN_PROMPTS.find((p) => p.id === "reason-1")!.prompt);
    expect(carriedBy(world, "So the ball costs five cents.").points).toContain("k1");
    expect(carriedBy(world, "Answer: the ball costs 10 cents.").wrong).toEqual(["w1"]);
    expect(carriedBy(world, "Answer: the ball costs $0.10.").wrong).toEqual(["w1"]);
  });

  it("does not count a wrong claim that the answer refutes, and says it was refuted", () => {
    const world = worldOf(BUILTIN_PROMPTS.find((p) => p.id === "reason-1")!.prompt);
    const carried = carriedBy(world, "Many people say the ball costs 10 cents, but that is wrong.");
    expect(carried.wrong).toEqual([]);
    expect(carried.refuted).toEqual(["w1"]);
  });

  it("keeps negation apart: 'does not rotate' is the myth, 'rotates once per orbit' is not", () => {
    const world = worldOf(BUILTIN_PROMPTS.find((p) => p.id === "know-1")!.prompt);
    expect(carriedBy(world, "The Moon doesn't rotate at all.").wrong).toEqual(["w1"]);
    expect(carriedBy(world, "The Moon does rotate at all times, once per orbit.").wrong).toEqual([]);
  });

  it("ignores code blocks and table rows: claims are read in prose", () => {
    const world = worldOf(BUILTIN_PROMPTS.find((p) => p.id === "reason-1")!.prompt);
    expect(carriedBy(world, "```\nThe ball costs $0.05, five cents.\n```\n| The ball costs $0.05, five cents. |").points).toEqual([]);
  });
});
