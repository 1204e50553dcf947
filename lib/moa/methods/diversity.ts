import { cosineSimilarity } from "ai";

/**
 * Greedy pick of `k` diverse vectors: first the most representative one (highest mean
 * similarity to the rest), then each time the one least similar to anything picked so far.
 */
export function pickDiverse(vectors: number[][], k: number): number[] {
  const n = vectors.length;
  if (n <= k) return vectors.map((_, i) => i);
  const sim = vectors.map((a) => vectors.map((b) => cosineSimilarity(a, b)));
  const mean = (i: number) => sim[i].reduce((s, v, j) => (j === i ? s : s + v), 0) / (n - 1);
  let first = 0;
  for (let i = 1; i < n; i++) if (mean(i) > mean(first)) first = i;
  const picked = [first];
  while (picked.length < k) {
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < n; i++) {
      if (picked.includes(i)) continue;
      const closest = Math.max(...picked.map((p) => sim[i][p]));
      if (closest < bestScore) [best, bestScore] = [i, closest];
    }
    picked.push(best);
  }
  return picked;
}

/** Mean pairwise cosine similarity of the vectors at `indices` (1 for fewer than two). */
export function meanPairwise(vectors: number[][], indices: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < indices.length; a++) {
    for (let b = a + 1; b < indices.length; b++) {
      sum += cosineSimilarity(vectors[indices[a]], vectors[indices[b]]);
      pairs++;
    }
  }
  return pairs === 0 ? 1 : sum / pairs;
}

/** How much a layer still changed: for each new vector, its best match among the old ones, averaged. */
export function carryOver(next: number[][], previous: number[][]): number {
  if (next.length === 0 || previous.length === 0) return 0;
  return next.reduce((s, v) => s + Math.max(...previous.map((p) => cosineSimilarity(v, p))), 0) / next.length;
}
