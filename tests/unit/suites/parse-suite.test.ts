import { describe, expect, it } from "vitest";
import { parseAlpacaEval } from "@/lib/suites/alpaca-eval";
import { parseMath } from "@/lib/suites/math";
import { parseMtBench } from "@/lib/suites/mt-bench";
import { detectSuite, parseSuite } from "@/lib/suites/parse-suite";
import { MAX_PROMPTS } from "@/lib/experiments/prompt-set";
import { readPrompts } from "@/lib/suites/read-prompts";

// Small fixtures in each benchmark's published shape (no benchmark data: written here).
const alpaca = JSON.stringify([
  { instruction: "Name a colour.", output: "Blue.", generator: "gpt4_turbo", dataset: "helpful_base" },
  { instruction: "Say hi.", output: "Hi!", generator: "gpt4_turbo", dataset: "oasst" },
]);
const mtBench = [
  JSON.stringify({ question_id: 81, category: "writing", turns: ["Write a haiku.", "Now rewrite it about the sea."] }),
  JSON.stringify({ question_id: 111, category: "math", turns: ["What is 2+2?", "And times 3?"], reference: ["4", "12"] }),
].join("\n");
const math = [
  JSON.stringify({ problem: "What is $\\frac{1}{4}+\\frac{1}{4}$?", solution: "Sum: $\\boxed{\\frac{1}{2}}$.", level: "Level 1", type: "Algebra" }),
  JSON.stringify({ problem: "Compute 3·4.", solution: "It is 12.", answer: "12", unique_id: "test/prealgebra/1.json" }),
].join("\n");

describe("parseAlpacaEval", () => {
  it("reads instructions, reference outputs and the generator", () => {
    const suite = parseAlpacaEval(alpaca);
    expect(suite.errors).toEqual([]);
    expect(suite.referenceGenerator).toBe("gpt4_turbo");
    expect(suite.items).toEqual([
      { id: "ae1", turns: ["Name a colour."], category: "helpful_base", reference: "Blue." },
      { id: "ae2", turns: ["Say hi."], category: "oasst", reference: "Hi!" },
    ]);
  });
  it("names bad records and keeps the good ones; warns when generators mix", () => {
    const suite = parseAlpacaEval(JSON.stringify([{ instruction: "" }, { instruction: "Ok", output: "a", generator: "x" }, { instruction: "Ok2", output: "b", generator: "y" }]));
    expect(suite.items.map((i) => i.turns[0])).toEqual(["Ok", "Ok2"]);
    expect(suite.errors[0]).toMatch(/^item 1: instruction/);
    expect(suite.errors[1]).toMatch(/2 generators/);
    expect(suite.referenceGenerator).toBeUndefined();
  });
  it("reports broken JSON", () => {
    expect(parseAlpacaEval("[{").errors[0]).toMatch(/not valid JSON/);
  });
});

describe("parseMtBench", () => {
  it("keeps both turns in order, the category and references", () => {
    const suite = parseMtBench(mtBench);
    expect(suite.errors).toEqual([]);
    expect(suite.items[0]).toEqual({ id: "mt81", turns: ["Write a haiku.", "Now rewrite it about the sea."], category: "writing" });
    expect(suite.items[1].reference).toBe("4\n\n12");
    expect(suite.items[1].turnReferences).toEqual(["4", "12"]);
  });
  it("rejects a question without two turns", () => {
    const suite = parseMtBench(JSON.stringify({ question_id: 1, turns: ["only one"] }));
    expect(suite.items).toEqual([]);
    expect(suite.errors[0]).toMatch(/line 1: turns: MT-Bench questions have two turns/);
  });
});

describe("parseMath", () => {
  it("takes the boxed answer from the solution, or the file's answer", () => {
    const suite = parseMath(math);
    expect(suite.errors).toEqual([]);
    expect(suite.items.map((i) => [i.id, i.answer, i.category])).toEqual([
      ["math1", "\\frac{1}{2}", "Algebra"],
      ["test/prealgebra/1.json", "12", undefined],
    ]);
  });
  it("reads a single-problem file as the original dataset ships it", () => {
    const suite = parseMath(JSON.stringify({ problem: "p", solution: "so \\boxed{7}" }, null, 2));
    expect(suite.items).toHaveLength(1);
    expect(suite.items[0].answer).toBe("7");
  });
  it("skips a problem without a checkable answer", () => {
    const suite = parseMath(JSON.stringify({ problem: "p", solution: "no box" }));
    expect(suite.items).toEqual([]);
    expect(suite.errors[0]).toMatch(/no \\boxed/);
  });
});

describe("parseSuite", () => {
  it("detects each benchmark from its fields", () => {
    expect(detectSuite(alpaca)).toBe("alpaca_eval");
    expect(detectSuite(mtBench)).toBe("mt_bench");
    expect(detectSuite(math)).toBe("math");
    expect(parseSuite("just a line")).toEqual({ error: expect.stringMatching(/not an AlpacaEval/) });
  });
});

describe("readPrompts", () => {
  it("turns a MATH file into prompts with answers and names the suite", () => {
    const read = readPrompts(math, "math.jsonl");
    expect(read.suite).toBe("math");
    expect(read.prompts.map((p) => p.answer)).toEqual(["\\frac{1}{2}", "12"]);
  });
  it("caps a large suite at the job's prompt limit and says so", () => {
    const many = Array.from({ length: MAX_PROMPTS + 5 }, (_, i) => JSON.stringify({ problem: `p${i}`, solution: `\\boxed{${i}}` })).join("\n");
    const read = readPrompts(many);
    expect(read.prompts).toHaveLength(MAX_PROMPTS);
    expect(read.errors).toEqual([`only the first ${MAX_PROMPTS} of ${MAX_PROMPTS + 5} items are used`]);
  });
  it("leaves a plain prompt list with an instruction field to the prompt-set reader (its ids kept)", () => {
    const read = readPrompts(JSON.stringify([{ id: "mine", instruction: "Say hi.", category: "greeting" }]));
    expect(read.suite).toBeUndefined();
    expect(read.prompts).toEqual([{ id: "mine", prompt: "Say hi.", category: "greeting" }]);
  });
  it("keeps reading plain prompt sets as before", () => {
    const read = readPrompts("first\nsecond");
    expect(read.suite).toBeUndefined();
    expect(read.prompts.map((p) => p.prompt)).toEqual(["first", "second"]);
  });
});
