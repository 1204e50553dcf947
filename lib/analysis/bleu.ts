import { tokenize } from "./tokenize";

const MAX_ORDER = 4;

function countNgrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // U+0001 cannot occur inside a token, so joined keys never collide.
    const key = tokens.slice(i, i + n).join("\u0001");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sentence-level BLEU of `candidate` against one `reference`, on `tokenize`d words, in [0, 1].
 *
 * - Modified (clipped) n-gram precision for n = 1…4, geometric mean with equal weights,
 *   times the brevity penalty BP = 1 if c > r else exp(1 − r/c).
 * - Smoothing: add-one on numerator and denominator for n ≥ 2 (Lin & Och 2004; sacreBLEU's
 *   `add-k` with k = 1). Unigram precision is not smoothed, so no shared word means 0.
 * - Effective order: a candidate shorter than 4 words uses orders 1…c only, rather than
 *   being scored on n-grams it cannot contain.
 * - An empty candidate or reference scores 0.
 */
export function bleu(candidate: string, reference: string): number {
  return bleuTokens(tokenize(candidate), tokenize(reference));
}

export function bleuTokens(candidate: string[], reference: string[]): number {
  const c = candidate.length;
  const r = reference.length;
  if (c === 0 || r === 0) return 0;
  const order = Math.min(MAX_ORDER, c);
  let logSum = 0;
  for (let n = 1; n <= order; n++) {
    const cand = countNgrams(candidate, n);
    const ref = countNgrams(reference, n);
    let matches = 0;
    for (const [gram, count] of cand) matches += Math.min(count, ref.get(gram) ?? 0);
    const total = c - n + 1;
    const precision = n === 1 ? matches / total : (matches + 1) / (total + 1);
    if (precision === 0) return 0;
    logSum += Math.log(precision);
  }
  const brevity = c > r ? 1 : Math.exp(1 - r / c);
  return brevity * Math.exp(logSum / order);
}
