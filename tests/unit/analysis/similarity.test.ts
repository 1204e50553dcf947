import { describe, expect, it } from "vitest";
import { bleu, levenshteinSimilarity, tfidfCosine, tfidfSimilarities, tokenize } from "@/lib/analysis/similarity";
import { wordDistance } from "@/lib/analysis/levenshtein";

describe("tokenize", () => {
  it("lowercases and splits on anything but letters and digits, in any script", () => {
    expect(tokenize("**Hello**, World! 42 times — ÉTÉ café 東京 🚀")).toEqual(["hello", "world", "42", "times", "été", "café", "東京"]);
  });

  it("treats a decomposed accent as part of its word", () => {
    expect(tokenize("cafe\u0301")).toEqual(["café"]);
  });
});

describe("bleu", () => {
  it("matches the hand-computed score of two six-word sentences", () => {
    // candidate "the cat sat on the mat", reference "the cat is on the mat", c = r = 6.
    // 1-grams: the×2 cat sat on mat vs the×2 cat is on mat → clipped 2+1+0+1+1 = 5 of 6 → p1 = 5/6
    // 2-grams: the cat | cat sat | sat on | on the | the mat → 3 match (the cat, on the, the mat) of 5 → (3+1)/(5+1) = 2/3
    // 3-grams: the cat sat | cat sat on | sat on the | on the mat → 1 match of 4 → (1+1)/(4+1) = 2/5
    // 4-grams: 3, none match → (0+1)/(3+1) = 1/4
    // BP = exp(1 − 6/6) = 1; BLEU = (5/6 · 2/3 · 2/5 · 1/4)^(1/4) = (1/18)^(1/4) ≈ 0.485492
    expect(bleu("The cat sat on the mat.", "the cat is on the mat")).toBeCloseTo(0.485492, 6);
  });

  it("penalises a candidate shorter than the reference and uses only the orders it has", () => {
    // "the cat" vs 6-word reference: effective order 2; p1 = 2/2, p2 = (1+1)/(1+1) = 1
    // BP = exp(1 − 6/2) = exp(−2) ≈ 0.135335
    expect(bleu("the cat", "the cat sat on the mat")).toBeCloseTo(Math.exp(-2), 9);
  });

  it("is 1 for the same words and 0 when no word is shared or a side is empty", () => {
    expect(bleu("Rayleigh scattering, mostly!", "rayleigh SCATTERING mostly")).toBe(1);
    expect(bleu("blue sky today", "green grass yesterday")).toBe(0);
    expect(bleu("", "anything")).toBe(0);
    expect(bleu("anything", "")).toBe(0);
  });

  it("is not symmetric: the aggregator is the candidate", () => {
    expect(bleu("the cat", "the cat sat on the mat")).not.toBeCloseTo(bleu("the cat sat on the mat", "the cat"), 3);
  });
});

describe("tfidfSimilarities", () => {
  it("matches the hand-computed cosines with IDF over the compared documents", () => {
    // docs: T = "apple banana", O1 = "apple cherry", O2 = "banana banana"; N = 3
    // df: apple 2, banana 2, cherry 1 → idf = ln((1+3)/(1+df)) + 1: a = 1 + ln(4/3) ≈ 1.287682 (apple, banana), c = 1 + ln 2 ≈ 1.693147 (cherry)
    // T = (apple a, banana a); O1 = (apple a, cherry c); O2 = (banana 2a)
    // cos(T, O1) = a² / (a√2 · √(a² + c²)) = a / (√2 · √(a² + c²)) ≈ 1.287682 / (1.414214 · 2.127175) ≈ 0.428046
    // cos(T, O2) = 2a² / (a√2 · 2a) = 1/√2 ≈ 0.707107
    const [o1, o2] = tfidfSimilarities("apple banana", ["apple cherry", "banana banana"]);
    expect(o1).toBeCloseTo(0.428046, 6);
    expect(o2).toBeCloseTo(Math.SQRT1_2, 9);
  });

  it("gives identical texts 1 even when only two documents are compared", () => {
    expect(tfidfCosine("The sky is blue.", "the SKY is blue")).toBeCloseTo(1, 12);
  });

  it("gives 0 to texts without shared or without any words", () => {
    expect(tfidfCosine("red apple", "blue sky")).toBe(0);
    expect(tfidfCosine("!!!", "blue sky")).toBe(0);
  });
});

describe("levenshteinSimilarity", () => {
  it("is 1 − word edits / longer word count", () => {
    // "the cat sat on the mat" → "the cat is on the mat": one substitution (sat → is), 6 words → 5/6
    expect(levenshteinSimilarity("The cat sat on the mat.", "the cat is on the mat")).toBeCloseTo(5 / 6, 12);
    // "the cat sat" → "the cat sat on the mat": three insertions, 6 words → 1 − 3/6
    expect(levenshteinSimilarity("the cat sat", "the cat sat on the mat")).toBeCloseTo(0.5, 12);
    // "a b c" → "c b a": replace a with c and c with a → 1 − 2/3
    expect(levenshteinSimilarity("a b c", "c b a")).toBeCloseTo(1 / 3, 12);
  });

  it("ignores case, punctuation and markdown, and counts a changed word as one edit", () => {
    expect(levenshteinSimilarity("The  **Cat**!", "the cat")).toBe(1);
    expect(levenshteinSimilarity("colour", "color")).toBe(0);
  });

  it("is 1 for two texts without words and 0 against an empty one", () => {
    expect(levenshteinSimilarity("", "...")).toBe(1);
    expect(levenshteinSimilarity("", "abc")).toBe(0);
  });
});

describe("wordDistance", () => {
  it("agrees with the table fallback used for vocabularies beyond 65,536 words", () => {
    // x0…x29 vs x10…x69999 (69,990 words, vocabulary 70,000): delete x0…x9, keep x10…x29,
    // insert the remaining 69,970 → 10 + 69,970 = 69,980
    const words = Array.from({ length: 70_000 }, (_, i) => `x${i}`);
    expect(wordDistance(words.slice(0, 30), words.slice(10))).toBe(69_980);
    expect(wordDistance(["a", "b", "c"], ["c", "b", "a"])).toBe(2);
  });
});
