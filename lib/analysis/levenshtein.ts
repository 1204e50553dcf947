import { distance } from "fastest-levenshtein";
import { tokenize } from "./tokenize";

const MAX_CODE_UNITS = 0x10000;

/**
 * Normalised Levenshtein similarity, 1 − distance / max(length), in [0, 1], on WORDS (as
 * `tokenize` splits them): an edit inserts, deletes or replaces one word, so the figure
 * speaks the same unit as BLEU and TF-IDF, and case or punctuation changes cost nothing.
 * Words rather than characters also keep a heatmap cheap: two 5,000-character answers are
 * ~800 words each, a sub-millisecond comparison, where characters took tens of ms per pair.
 * Two texts without words are identical: similarity 1.
 */
export function levenshteinSimilarity(a: string, b: string): number {
  const x = tokenize(a);
  const y = tokenize(b);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  return 1 - wordDistance(x, y) / longest;
}

/** Edit distance between two word sequences. */
export function wordDistance(x: string[], y: string[]): number {
  // Each distinct word becomes one UTF-16 code unit, so the bit-parallel string algorithm of
  // `fastest-levenshtein` compares words (it only tests code units for equality).
  const ids = new Map<string, number>();
  const encode = (words: string[]) => words.map((w) => ids.get(w) ?? ids.set(w, ids.size).size - 1);
  const ex = encode(x);
  const ey = encode(y);
  if (ids.size > MAX_CODE_UNITS) return tableDistance(ex, ey);
  const text = (codes: number[]) => codes.map((c) => String.fromCharCode(c)).join("");
  return distance(text(ex), text(ey));
}

/** Plain two-row dynamic programme, for vocabularies too large to encode in code units. */
function tableDistance(x: number[], y: number[]): number {
  let previous = Int32Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length];
}
