import { describe, expect, it } from "vitest";
import { averageRanks, spearman } from "@/lib/analysis/spearman";

describe("averageRanks", () => {
  it("gives tied values the mean of the ranks they span", () => {
    // sorted: 10, 10, 20, 30 → ranks 1 and 2 shared by the 10s → 1.5 each
    expect(averageRanks([10, 20, 10, 30])).toEqual([1.5, 3, 1.5, 4]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
  });
});

describe("spearman", () => {
  it("matches the hand computation with a tie", () => {
    // x = 1 2 3 4 5 → ranks 1 2 3 4 5; y = 5 6 7 8 7 → ranks 1 2 3.5 5 3.5 (the two 7s share 3 and 4)
    // deviations from the mean rank 3: dx = −2 −1 0 1 2, dy = −2 −1 0.5 2 0.5
    // Σdx·dy = 4 + 1 + 0 + 2 + 1 = 8; Σdx² = 10; Σdy² = 4 + 1 + 0.25 + 4 + 0.25 = 9.5
    // ρ = 8 / √(10 · 9.5) = 8 / √95 ≈ 0.820783 (the no-ties shortcut 1 − 6Σd²/(n(n²−1)) would give 0.825)
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.820783, 6);
  });

  it("is 1 for any increasing relation and −1 for a reversed order", () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([0.1, 0.5, 0.9], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("is undefined for a constant side or fewer than two pairs, and rejects unpaired input", () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeUndefined();
    expect(spearman([1], [2])).toBeUndefined();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});
