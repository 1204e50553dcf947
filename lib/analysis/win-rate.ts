/** `unreadable`: the judge failed or named no winner; it says nothing about either side, so it leaves n. */
export type Outcome = "win" | "loss" | "tie" | "unreadable";

export interface WinRate {
  /** wins + losses + ties: unreadable verdicts are not comparisons. */
  n: number;
  wins: number;
  losses: number;
  ties: number;
  /** Verdicts the judge could not give, shown beside n, never counted in it. */
  unreadable: number;
  /** (wins + ties / 2) / n */
  rate: number;
  /** Wilson score interval of `rate`. */
  low: number;
  high: number;
}

/** Two-sided 95%. */
export const Z_95 = 1.959963984540054;

/**
 * Win rate with a Wilson score interval, a tie counting as half a win. With p̂ the rate,
 * n the number of comparisons and z the normal quantile (1.96 for 95%):
 *
 *   centre    = (p̂ + z²/(2n)) / (1 + z²/n)
 *   halfWidth = z / (1 + z²/n) · √( p̂(1 − p̂)/n + z²/(4n²) )
 *
 * Wilson rather than p̂ ± z√(p̂(1−p̂)/n) because the latter collapses to zero width at 0% or
 * 100% and leaves [0, 1] on the small samples a playground produces.
 * Undefined without a readable outcome.
 */
export function winRate(outcomes: Outcome[] | { wins: number; losses: number; ties: number; unreadable?: number }, z = Z_95): WinRate | undefined {
  const counts = Array.isArray(outcomes)
    ? {
        wins: outcomes.filter((o) => o === "win").length,
        losses: outcomes.filter((o) => o === "loss").length,
        ties: outcomes.filter((o) => o === "tie").length,
        unreadable: outcomes.filter((o) => o === "unreadable").length,
      }
    : { unreadable: 0, ...outcomes };
  const n = counts.wins + counts.losses + counts.ties;
  if (n === 0) return undefined;
  const rate = (counts.wins + counts.ties / 2) / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  return {
    n,
    ...counts,
    rate,
    low: Math.max(0, centre - halfWidth),
    high: Math.min(1, centre + halfWidth),
  };
}

/** The outcome for one side of a pairwise verdict (`winner` as `combineSwappedVerdicts` gives it). */
export function outcomeFor(winner: "first" | "second" | "tie", side: "first" | "second"): Outcome {
  if (winner === "tie") return "tie";
  return winner === side ? "win" : "loss";
}

/** One pairwise verdict between two contestants (proposers, runs, setups). */
export interface PairVerdict<K> {
  a: K;
  b: K;
  winner: "a" | "b" | "tie";
  /** No readable verdict (stored with winner "tie"): counted apart, not as a tie. */
  unreadable?: boolean;
}

/** One side's outcome of a pairwise verdict. */
export function pairOutcome<K>(pair: PairVerdict<K>, side: "a" | "b"): Outcome {
  if (pair.unreadable) return "unreadable";
  if (pair.winner === "tie") return "tie";
  return pair.winner === side ? "win" : "loss";
}

/** Each contestant's outcomes over the pairs it was in, whichever side it was shown on. */
export function pairwiseOutcomes<K>(pairs: PairVerdict<K>[]): Map<K, Outcome[]> {
  const outcomes = new Map<K, Outcome[]>();
  const add = (key: K, outcome: Outcome) => outcomes.set(key, [...(outcomes.get(key) ?? []), outcome]);
  for (const pair of pairs) {
    add(pair.a, pairOutcome(pair, "a"));
    add(pair.b, pairOutcome(pair, "b"));
  }
  return outcomes;
}

/**
 * Each contestant's win rate over the pairs it was in, whichever side it was shown on; a tie is
 * half a win, an unreadable verdict leaves n. A contestant with only unreadable verdicts has none.
 */
export function pairwiseWinRates<K>(pairs: PairVerdict<K>[]): Map<K, WinRate> {
  const rates = new Map<K, WinRate>();
  for (const [key, list] of pairwiseOutcomes(pairs)) {
    const rate = winRate(list);
    if (rate) rates.set(key, rate);
  }
  return rates;
}
