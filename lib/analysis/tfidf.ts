import { tokenize } from "./tokenize";

function termCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * TF-IDF cosine similarity of `target` to each of `others`, with the IDF taken over exactly
 * these documents ([target, ...others]), so a word every answer uses weighs less than one only
 * the target and one input share.
 *
 * tf = raw count; idf(t) = ln((1 + N) / (1 + df(t))) + 1, the smoothed IDF of scikit-learn.
 * The unsmoothed ln(N / df) would give every shared word weight 0 when only two documents are
 * compared, making the cosine of an aggregator with a single input always 0.
 * A document without words has similarity 0 to everything.
 */
export function tfidfSimilarities(target: string, others: string[]): number[] {
  const docs = [target, ...others].map((text) => termCounts(tokenize(text)));
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((1 + docs.length) / (1 + (df.get(term) ?? 0))) + 1;

  const vectors = docs.map((doc) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of doc) {
      const w = count * idf(term);
      weights.set(term, w);
      norm += w * w;
    }
    return { weights, norm: Math.sqrt(norm) };
  });

  const [t, ...rest] = vectors;
  return rest.map((o) => {
    if (t.norm === 0 || o.norm === 0) return 0;
    const [small, large] = t.weights.size <= o.weights.size ? [t.weights, o.weights] : [o.weights, t.weights];
    let dot = 0;
    for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
    // Rounding can push an identical pair a hair above 1.
    return Math.min(1, dot / (t.norm * o.norm));
  });
}

/** TF-IDF cosine of two texts, IDF over the pair. */
export function tfidfCosine(a: string, b: string): number {
  return tfidfSimilarities(a, [b])[0];
}
