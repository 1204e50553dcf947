import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { gradeKey, type ExperimentPlan, type Grade, type VariantSpec } from "@/lib/experiments/types";
import { createModelResolver } from "@/lib/providers/registry";
import { judgeScore } from "@/lib/providers/sim/judge-score";
import { worldOf } from "@/lib/providers/sim/world";
import { gradingMessages, parseRating, type TurnToGrade } from "@/lib/suites/mt-bench-grading";
import { mtBenchScores } from "@/lib/suites/mt-bench-scores";

const resolve = createModelResolver({ env: { MOA_SIM_SPEED: "100000" } });
const Q1 = "Why does the Moon always show the same face to the Earth? Answer in a short paragraph for a curious teenager.";
const Q2 = "Explain how vaccines train the immune system to recognise viruses.";
const claims = (question: string, ids: string[]) => {
  const world = worldOf(question);
  return [...world.points, ...world.wrong].filter((p) => ids.includes(p.id)).map((p) => p.text).join(" ");
};

async function rate(turns: TurnToGrade[], judge = "sim:owl"): Promise<number | undefined> {
  const [system, user] = gradingMessages(turns);
  return parseRating(await streamText({ model: resolve(judge), system: system.content, prompt: user.content }).text);
}

describe("parseRating", () => {
  it("reads the judge's [[rating]], the last one when it restates the format first", () => {
    expect(parseRating("Clear and correct.\n\nRating: [[7]]")).toBe(7);
    expect(parseRating("Rating: [[8.5]]")).toBe(8.5);
    expect(parseRating('Answer in the format "[[rating]]". Weak on depth. Rating: [[4]]')).toBe(4);
    expect(parseRating("First I thought [[5]], on reflection [[6]].")).toBe(6);
    expect(parseRating("Rating: [3]")).toBe(3);
  });
  it("gives no score for junk or a rating outside 1–10, never a default", () => {
    for (const junk of ["", "I would give it 7/10.", "Rating: [[seven]]", "Rating: [[11]]", "Rating: [[0]]", "[[rating]]", "The answer [2] cites a source."]) {
      expect(parseRating(junk)).toBeUndefined();
    }
  });
});

describe("gradingMessages", () => {
  it("shows turn 1 as context and asks to grade only the last answer, with the graded turn's reference", () => {
    const [system, user] = gradingMessages([
      { question: "Q one", answer: "A one", reference: "R one" },
      { question: "Q two", answer: "A two", reference: "R two" },
    ]);
    expect(system.content).toMatch(/turn 2.*do not grade them/);
    expect(system.content).toMatch(/reference answer/);
    expect(system.content).toContain("Rating: [[5]]");
    expect(user.content).toBe("<user-1>\nQ one\n</user-1>\n\n<assistant-1>\nA one\n</assistant-1>\n\n<user-2>\nQ two\n</user-2>\n\n<reference-2>\nR two\n</reference-2>\n\n<assistant-2>\nA two\n</assistant-2>");
    expect(gradingMessages([{ question: "Q", answer: "A" }])[0].content).not.toMatch(/reference/);
  });
});

describe("the sim judge grades 1–10 from the same score as its pairwise verdicts", () => {
  it("rates an answer with more key points higher, and orders answers as its score does", async () => {
    const answers = [["k1"], ["k1", "k2", "k3"], ["k1", "k2", "k3", "k4", "k5", "k6"], ["k1", "k2", "w1", "w2"]].map((ids) => claims(Q1, ids));
    const ratings = await Promise.all(answers.map((answer) => rate([{ question: Q1, answer }])));
    for (const r of ratings) expect(r).toSatisfy((n: number) => Number.isInteger(n) && n >= 1 && n <= 10);
    expect(ratings[0]!).toBeLessThan(ratings[1]!);
    expect(ratings[1]!).toBeLessThan(ratings[2]!);
    const scores = answers.map((a) => judgeScore(worldOf(Q1), a));
    const byScore = [...scores.keys()].sort((a, b) => scores[a] - scores[b]);
    const byRating = [...ratings.keys()].sort((a, b) => ratings[a]! - ratings[b]! || scores[a] - scores[b]);
    expect(byRating).toEqual(byScore);
  });

  it("grades the second answer against the second question, with the first turn as context only", async () => {
    const good = claims(Q2, ["k1", "k2", "k3", "k4", "k5"]);
    const turns = (first: string) => [{ question: Q1, answer: first }, { question: Q2, answer: good }];
    const afterGood = await rate(turns(claims(Q1, ["k1", "k2", "k3", "k4"])));
    const afterPoor = await rate(turns("I do not know."));
    expect(afterGood).toBe(afterPoor);
    expect(afterGood).toBe(await rate([{ question: Q2, answer: good }]));
  });

  it("grades a computable math question by its result", async () => {
    const question = "Compute $6 \\times 7 + 1$.";
    expect(await rate([{ question, answer: "So it is $\\boxed{43}$." }])).toBe(10);
    expect(await rate([{ question, answer: "So it is $\\boxed{48}$." }])).toBe(2);
    expect(await rate([{ question, answer: "Hard to say." }])).toBe(1);
  });
});

describe("mtBenchScores", () => {
  const variant = (id: string): VariantSpec => ({ id, label: id, variant: "moa", config: { layers: [{ agents: [{ model: "sim:owl" }] }] } });
  const plan: ExperimentPlan = {
    id: "e",
    name: "n",
    createdAt: "t",
    prompts: [
      { id: "q1", prompt: "a", followUp: "b" },
      { id: "q2", prompt: "c", followUp: "d" },
      { id: "single", prompt: "e" },
    ],
    variants: [variant("x"), variant("y")],
    reference: "y",
    judge: "sim:owl",
  };
  const g = (turn: 1 | 2, score?: number): Grade => ({ turn, runIds: [], ...(score === undefined ? { error: "no rating" } : { score }) });

  it("means per turn and per question overall, with unscored grades counted and left out", () => {
    const grades = {
      [gradeKey("q1", "x", 1)]: g(1, 8),
      [gradeKey("q1", "x", 2)]: g(2, 6),
      [gradeKey("q2", "x", 1)]: g(1, 4),
      [gradeKey("q2", "x", 2)]: g(2),
      [gradeKey("q1", "y", 1)]: g(1, 5),
    };
    const [x, y] = mtBenchScores(plan, { grades });
    expect(x.turn1).toMatchObject({ graded: 2, unscored: 0, mean: { n: 2, mean: 6 } });
    expect(x.turn2).toMatchObject({ graded: 2, unscored: 1, mean: { n: 1, mean: 6 } });
    // q1: (8 + 6) / 2 = 7, q2: 4 (its second turn has no score): mean 5.5 over two questions.
    expect(x.overall).toMatchObject({ n: 2, mean: 5.5 });
    expect(x.overall!.low).toBeGreaterThanOrEqual(1);
    expect(x.overall!.high).toBeLessThanOrEqual(10);
    expect(y.turn2).toEqual({ graded: 0, unscored: 0, mean: undefined });
    expect(y.overall).toMatchObject({ n: 1, mean: 5 });
  });
});
