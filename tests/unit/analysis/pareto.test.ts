import { describe, expect, it } from "vitest";
import { paretoFront } from "@/lib/analysis/pareto";

const p = (name: string, x: number, y: number) => ({ name, x, y });

describe("paretoFront", () => {
  it("keeps the points nothing beats on both cost and quality, cheapest first", () => {
    const points = [
      p("a", 1, 0.5),
      p("b", 2, 0.7),
      p("c", 2, 0.6), // b: same cost, better
      p("d", 3, 0.7), // b: cheaper, as good
      p("e", 0.5, 0.4),
      p("f", 4, 0.9),
      p("g", 5, 0.8), // f: cheaper and better
    ];
    expect(paretoFront(points).map((q) => q.name)).toEqual(["e", "a", "b", "f"]);
  });

  it("keeps exact duplicates of a front point and drops points with missing figures", () => {
    const points = [p("a", 1, 0.5), p("a2", 1, 0.5), p("nan", Number.NaN, 0.9), p("inf", 0, Number.POSITIVE_INFINITY)];
    expect(paretoFront(points).map((q) => q.name)).toEqual(["a", "a2"]);
  });

  it("returns nothing for no points and does not reorder its input", () => {
    expect(paretoFront([])).toEqual([]);
    const input = [p("x", 3, 1), p("y", 1, 0)];
    paretoFront(input);
    expect(input.map((q) => q.name)).toEqual(["x", "y"]);
  });
});
