import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import { createModelResolver } from "@/lib/providers/registry";
import { evaluate, expressionOf, formatRational, plainArithmetic, slipsOf } from "@/lib/providers/sim/arithmetic";
import { mathReply } from "@/lib/providers/sim/math-reply";
import { scoreMathResponse } from "@/lib/suites/math-answer";
import { arithmeticProblems } from "@/tests/fixtures/suite-files";

const resolveModel = createModelResolver({ env: { MOA_SIM_SPEED: "1000000" } });
const value = (e: string) => {
  const r = evaluate(e);
  return r && formatRational(r);
};

describe("sim arithmetic", () => {
  it("evaluates exactly, with precedence, powers, implicit products and LaTeX operators", () => {
    expect(value("2 + 3 * 4")).toBe("14");
    expect(value("(2 + 3) * 4")).toBe("20");
    expect(value("2^3^2")).toBe("512");
    expect(value("-3 + 2(5)")).toBe("7");
    expect(value("1/3 + 1/6")).toBe("\\frac{1}{2}");
    expect(value("0.5 - 2")).toBe("-\\frac{3}{2}");
    expect(value("1/0")).toBeUndefined();
    expect(value("2 +")).toBeUndefined();
    expect(plainArithmetic("\\frac{3}{4} \\times 8 \\div 2")).toBe("((3)/(4)) * 8 / 2");
  });

  it("finds the expression a question asks for, and none in prose that merely holds numbers", () => {
    expect(expressionOf("Compute $17 \\times 23 + 5$.")).toBe("17 * 23 + 5");
    expect(expressionOf("What is 1,000 - 1?")).toBe("1000 - 1");
    expect(expressionOf("Calculate 12 / 4 * 3")).toBe("12 / 4 * 3");
    expect(expressionOf("Write a 5-7-5 haiku about rain.")).toBeUndefined();
    expect(expressionOf("What is the difference between 2-3 trees and B-trees?")).toBeUndefined();
    expect(expressionOf("What is 2-3 tree insertion?")).toBeUndefined();
    expect(expressionOf("What is 5 + 5 in binary?")).toBeUndefined();
    expect(expressionOf("Explain the 2008 financial crisis in 3 paragraphs.")).toBeUndefined();
    expect(expressionOf("Find all real $x$ such that $x^2 = 4$.")).toBeUndefined();
  });

  it("offers plausible wrong results, never the right one", () => {
    const correct = evaluate("2 + 3 * 4")!;
    const slips = slipsOf("2 + 3 * 4", correct).map(formatRational);
    expect(slips[0]).toBe("20");
    expect(slips).not.toContain("14");
    expect(new Set(slips).size).toBe(slips.length);
  });

  it("boxes an answer, stable per model and problem; an aggregator follows the best-supported one", () => {
    const skill = { recall: 0.5, hallucination: 0.1, keep: 0.9, catch: 0.9 };
    const prompt = { question: "Compute $6 \\times 7 + 1$.", system: "", answers: [], all: "x" };
    const once = mathReply(prompt, "falcon", skill, {});
    expect(once).toMatch(/\\boxed\{-?[\d\\]/);
    expect(mathReply(prompt, "falcon", skill, {})).toBe(once);
    const read = ["The answer is $\\boxed{43}$.", "So $\\boxed{43}$.", "I get $\\boxed{48}$."];
    const aggregated = mathReply({ ...prompt, answers: read }, "owl", skill, {})!;
    expect(scoreMathResponse(aggregated, "\\boxed{43}").correct).toBe(true);
    // A model that ignores what it reads (keep 0) boxes its own attempt whatever the majority says.
    const stubborn = mathReply({ ...prompt, answers: ["\\boxed{1}", "\\boxed{1}", "\\boxed{1}"] }, "owl", { ...skill, keep: 0 }, {})!;
    expect(scoreMathResponse(stubborn, "\\boxed{1}").correct).toBe(false);
  });
});

async function finalText(config: MoAConfig, problem: string): Promise<string> {
  for await (const e of runMoA(config, [{ role: "user", content: problem }], { runId: "m", resolveModel })) {
    if (e.type === "run-finished") return e.text;
    if (e.type === "run-failed") throw new Error(e.message);
  }
  return "";
}

describe("MATH on the sim world, through the engine", () => {
  const PROPOSERS = ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((m) => `sim:${m}`);
  const problems = arithmeticProblems(30);
  const accuracy = async (config: MoAConfig) => {
    let correct = 0;
    for (const { problem, answer } of problems) if (scoreMathResponse(await finalText(config, problem), `\\boxed{${answer}}`).correct) correct++;
    return correct / problems.length;
  };

  it("MoA is more accurate than its best proposer; an aggregator that keeps nothing gains nothing", async () => {
    const singles = await Promise.all(PROPOSERS.map((model) => accuracy({ layers: [{ agents: [{ model }] }] })));
    const moa = await accuracy({ layers: [{ agents: PROPOSERS.map((model) => ({ model })) }, { agents: [{ model: "sim:owl" }] }] });
    const deaf = await accuracy({ layers: [{ agents: PROPOSERS.map((model) => ({ model })) }, { agents: [{ model: "sim:owl?keep=0" }] }] });
    const owl = await accuracy({ layers: [{ agents: [{ model: "sim:owl" }] }] });
    expect(Math.min(...singles)).toBeGreaterThan(0);
    expect(moa).toBeGreaterThan(Math.max(...singles));
    expect(deaf).toBe(owl);
  });
});
