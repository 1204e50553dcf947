import { describe, expect, it } from "vitest";
import {
  extractBoxed,
  extractFinalAnswer,
  mathAnswersEqual,
  normalizeMathAnswer,
  scoreMathResponse,
} from "@/lib/suites/math-answer";

describe("extractBoxed", () => {
  it("keeps nested braces of the last box", () => {
    expect(extractBoxed("first \\boxed{1} then \\boxed{\\frac{\\sqrt{3}}{2}} done")).toBe("\\frac{\\sqrt{3}}{2}");
  });
  it("reads \\fbox and the brace-less form", () => {
    expect(extractBoxed("so $\\fbox{7}$")).toBe("7");
    expect(extractBoxed("so $\\boxed 42$.")).toBe("42");
    expect(extractBoxed("so \\boxed 42 apples")).toBe("42");
  });
  it("gives nothing for an unclosed or missing box", () => {
    expect(extractBoxed("\\boxed{\\frac{1}{2}")).toBeUndefined();
    expect(extractBoxed("no answer here")).toBeUndefined();
  });
});

describe("extractFinalAnswer", () => {
  it("falls back to a stated answer when nothing is boxed", () => {
    expect(extractFinalAnswer("We add them.\nThe final answer is $12$.")).toBe("12");
    expect(extractFinalAnswer("Answer: 3/4")).toBe("3/4");
  });
});

describe("mathAnswersEqual", () => {
  const equal: Array<[string, string]> = [
    ["\\frac{1}{2}", "1/2"],
    ["\\dfrac{1}{2}", "\\tfrac12"],
    ["\\frac{2}{4}", "0.5"],
    ["-\\frac{3}{6}", "\\frac{-1}{2}"],
    ["3.0", "3"],
    ["1,000", "1000"],
    ["\\left( 1, 2 \\right)", "(1,2)"],
    ["90^\\circ", "90"],
    ["90^{\\circ}", "90 degrees"],
    ["25\\%", "25"],
    ["x = 5", "5"],
    ["\\text{5 units}", "5"],
    ["\\frac{\\sqrt{3}}{2}", "\\dfrac{\\sqrt3}{2}"],
    ["\\$ 4.50", "4.5"],
    [".5", "1/2"],
  ];
  it.each(equal)("%s ≡ %s", (a, b) => {
    expect(mathAnswersEqual(a, b)).toBe(true);
  });

  const different: Array<[string, string]> = [
    ["\\frac{1}{2}", "\\frac{1}{3}"],
    ["3.01", "3"],
    ["(1,2)", "(2,1)"],
    ["-1/2", "1/2"],
    ["\\sqrt{2}", "2"],
    ["10", "100"],
  ];
  it.each(different)("%s ≢ %s", (a, b) => {
    expect(mathAnswersEqual(a, b)).toBe(false);
  });

  it("normalises to a canonical form", () => {
    expect(normalizeMathAnswer("\\dfrac{6}{8}")).toBe("3/4");
    expect(normalizeMathAnswer("\\frac{x+1}{2}")).toBe("(x+1)/2");
  });
});

describe("scoreMathResponse", () => {
  const reference = "Adding, $\\frac14 + \\frac14 = \\boxed{\\frac{1}{2}}$.";
  it("marks a right boxed answer correct and shows both sides", () => {
    expect(scoreMathResponse("It is \\boxed{0.5}.", reference)).toEqual({ extracted: "0.5", expected: "\\frac{1}{2}", correct: true });
  });
  it("marks a wrong or missing answer incorrect", () => {
    expect(scoreMathResponse("\\boxed{\\frac{1}{4}}", reference).correct).toBe(false);
    expect(scoreMathResponse("I am not sure.", reference)).toEqual({ extracted: undefined, expected: "\\frac{1}{2}", correct: false });
  });
});
