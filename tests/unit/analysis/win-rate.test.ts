import { describe, expect, it } from "vitest";
import { outcomeFor, pairwiseWinRates, winRate, type Outcome } from "@/lib/analysis/win-rate";

describe("winRate", () => {
  it("counts a tie as half a win and matches the hand-computed Wilson interval", () => {
    // 7 wins, 2 losses, 1 tie: n = 10, p̂ = 7.5/10 = 0.75; z = 1.96, z² = 3.8416, 1 + z²/n = 1.38416
    // centre = (0.75 + 3.8416/20) / 1.38416 = 0.94208 / 1.38416 ≈ 0.680615
    // half   = 1.96 / 1.38416 · √(0.75·0.25/10 + 3.8416/400) = 1.416021 · √0.028354 ≈ 0.238439
    // → [0.442176, 0.919054]
    const outcomes: Outcome[] = [...Array(7).fill("win"), "loss", "loss", "tie"];
    const result = winRate(outcomes, 1.96);
    expect(result).toMatchObject({ n: 10, wins: 7, losses: 2, ties: 1, rate: 0.75 });
    expect(result?.low).toBeCloseTo(0.442176, 5);
    expect(result?.high).toBeCloseTo(0.919054, 5);
  });

  it("keeps a width at 100% and stays inside [0, 1]", () => {
    // p̂ = 1: the lower bound simplifies to n / (n + z²) = 5 / 8.8416 ≈ 0.565509, the upper bound to 1
    const result = winRate({ wins: 5, losses: 0, ties: 0 }, 1.96);
    expect(result?.rate).toBe(1);
    expect(result?.low).toBeCloseTo(0.565509, 5);
    expect(result?.high).toBe(1);
  });

  it("is symmetric: losses mirror wins", () => {
    const good = winRate({ wins: 8, losses: 2, ties: 0 });
    const bad = winRate({ wins: 2, losses: 8, ties: 0 });
    expect(bad?.low).toBeCloseTo(1 - (good?.high ?? 0), 12);
  });

  it("narrows as comparisons accumulate at the same rate", () => {
    const few = winRate({ wins: 6, losses: 4, ties: 0 });
    const many = winRate({ wins: 600, losses: 400, ties: 0 });
    expect((many?.high ?? 0) - (many?.low ?? 0)).toBeLessThan(((few?.high ?? 0) - (few?.low ?? 0)) / 5);
  });

  it("is undefined without comparisons", () => {
    expect(winRate([])).toBeUndefined();
    expect(winRate(["unreadable", "unreadable"])).toBeUndefined();
  });

  it("leaves unreadable verdicts out of n: 2 wins, 1 loss, 2 unreadable is 2/3, not (2 + 1)/5 as ties", () => {
    expect(winRate(["win", "win", "loss", "unreadable", "unreadable"])).toMatchObject({ n: 3, wins: 2, losses: 1, ties: 0, unreadable: 2, rate: 2 / 3 });
    const rates = pairwiseWinRates([
      { a: "x", b: "y", winner: "a" },
      { a: "x", b: "y", winner: "tie", unreadable: true },
    ]);
    expect(rates.get("x")).toMatchObject({ n: 1, rate: 1, unreadable: 1 });
    expect(rates.get("y")).toMatchObject({ n: 1, rate: 0, unreadable: 1 });
  });
});

describe("outcomeFor", () => {
  it("turns a pairwise verdict into each side's outcome", () => {
    expect(["first", "second", "tie"].map((w) => outcomeFor(w as "first" | "second" | "tie", "first"))).toEqual(["win", "loss", "tie"]);
    expect(outcomeFor("first", "second")).toBe("loss");
  });
});
