import { describe, expect, it } from "vitest";
import { followUpsDue, parseUnitKey, resolveUnit, totalUnits, unitKeyOf } from "@/lib/experiments/jobs/units";
import type { ExperimentPlan } from "@/lib/experiments/types";
import { readPrompts } from "@/lib/suites/read-prompts";

const one = (model: string) => ({ layers: [{ agents: [{ model }] }] });
const plan: ExperimentPlan = {
  id: "x",
  name: "p",
  createdAt: "2026-01-01T00:00:00.000Z",
  prompts: [
    { id: "mt1", prompt: "Write a poem.", followUp: "Make it rhyme." },
    { id: "plain", prompt: "Why?" },
  ],
  variants: [
    { id: "a", label: "A", variant: "moa", config: one("sim:falcon") },
    { id: "b", label: "B", variant: "moa", config: one("sim:heron") },
  ],
  reference: "b",
  judge: "sim:owl",
};

describe("MT-Bench units", () => {
  it("adds a second turn and two grades per variant on a two-turn prompt only", () => {
    // 2 prompts × (2 cells + 1 verdict) + 1 two-turn prompt × 2 variants × (turn 2 + 2 grades).
    expect(totalUnits(plan)).toBe(2 * 3 + 2 * 3);
  });

  it("makes turn 2 and the first grade due with the first turn, the second grade with turn 2", () => {
    expect(followUpsDue(plan, { kind: "cell", promptIndex: 0, subjectId: "a" })).toEqual(["turn2:0:a", "grade1:0:a"]);
    expect(followUpsDue(plan, { kind: "turn2", promptIndex: 0, subjectId: "a" })).toEqual(["grade2:0:a"]);
    expect(followUpsDue(plan, { kind: "grade1", promptIndex: 0, subjectId: "a" })).toEqual([]);
    expect(followUpsDue(plan, { kind: "cell", promptIndex: 1, subjectId: "a" })).toEqual([]);
  });

  it("reads the new keys back, and resolves them only on a two-turn prompt", () => {
    for (const kind of ["turn2", "grade1", "grade2"] as const) {
      const ref = { kind, promptIndex: 0, subjectId: "a" };
      expect(parseUnitKey(unitKeyOf(ref))).toEqual(ref);
      expect(resolveUnit(plan, ref)?.variant?.id).toBe("a");
      expect(resolveUnit(plan, { ...ref, promptIndex: 1 })).toBeUndefined();
    }
  });

  it("an imported question.jsonl gives prompts with their second turn and per-turn references", () => {
    const text = [
      JSON.stringify({ question_id: 81, category: "writing", turns: ["Write a haiku.", "Now about the sea."] }),
      JSON.stringify({ question_id: 111, category: "math", turns: ["What is 2+2?", "And times 3?"], reference: ["4", "12"] }),
    ].join("\n");
    const { prompts, suite } = readPrompts(text);
    expect(suite).toBe("mt_bench");
    expect(prompts).toEqual([
      { id: "mt81", prompt: "Write a haiku.", category: "writing", followUp: "Now about the sea." },
      { id: "mt111", prompt: "What is 2+2?", category: "math", followUp: "And times 3?", references: ["4", "12"] },
    ]);
  });
});
