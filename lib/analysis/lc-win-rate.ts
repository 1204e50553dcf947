/**
 * Length-controlled win rate, after AlpacaEval 2.0 (Dubois et al., 2024). A logistic model of
 * the judge's preference for the model over the baseline on one instruction:
 *
 *   logit P(model preferred) = θ + φ · tanh(Δ / s) [+ ψ · difficulty]
 *
 * Δ = model length − baseline length in characters, s the standard deviation of Δ over the
 * instructions (scaled, not centred, as AlpacaEval's `rand_delta_len_std_only`); θ the model
 * term; φ the length term. The LC win rate is the model's predicted win rate with the length
 * term set to zero, averaged over the instructions: σ(θ) when no difficulty is given.
 *
 * Simplified form, stated: AlpacaEval fits one instruction-difficulty per instruction jointly
 * over its whole leaderboard and a per-model length coefficient; we fit θ and φ for one
 * model-vs-baseline pair and take the difficulty term only when the caller supplies a
 * difficulty per instruction (it is then a fixed covariate with one coefficient ψ). The fit is
 * maximum likelihood on soft labels (a tie is 0.5) by Newton's method with a ridge of 1e-4 so
 * an all-wins sample stays finite. Intervals: percentile bootstrap over instructions.
 */

export interface PreferenceItem {
  /** 1 = model preferred, 0 = baseline preferred, 0.5 = tie. */
  preference: number;
  modelLength: number;
  baselineLength: number;
  /** Optional instruction difficulty covariate (same scale for every item). */
  difficulty?: number;
}

export interface LcFit {
  /** Coefficients in order [θ, φ, ψ?]. */
  coefficients: number[];
  /** Length-controlled win rate in [0, 1]. */
  lcWinRate: number;
  /** Raw win rate (mean preference) in [0, 1]. */
  winRate: number;
}

export interface LcWinRate extends LcFit {
  n: number;
  /** 95% percentile-bootstrap intervals. */
  lcLow: number;
  lcHigh: number;
  winLow: number;
  winHigh: number;
  meanModelLength: number;
  meanBaselineLength: number;
}

const RIDGE = 1e-4;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function features(items: PreferenceItem[], withDifficulty: boolean): number[][] {
  const deltas = items.map((i) => i.modelLength - i.baselineLength);
  const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  // Sample standard deviation (pandas' default, as AlpacaEval computes it).
  const sd = deltas.length > 1 ? Math.sqrt(deltas.reduce((a, d) => a + (d - mean) ** 2, 0) / (deltas.length - 1)) : 0;
  return items.map((item, k) => {
    const length = sd > 0 ? Math.tanh(deltas[k] / sd) : 0;
    return withDifficulty ? [1, length, item.difficulty ?? 0] : [1, length];
  });
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is at most 3×3 here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

function fitLogistic(x: number[][], y: number[]): number[] {
  const k = x[0].length;
  let beta = new Array<number>(k).fill(0);
  for (let iter = 0; iter < 100; iter++) {
    const grad = beta.map((b) => -RIDGE * b);
    const hess = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? RIDGE : 0)));
    x.forEach((row, n) => {
      const p = sigmoid(row.reduce((s, v, i) => s + v * beta[i], 0));
      const w = p * (1 - p);
      for (let i = 0; i < k; i++) {
        grad[i] += (y[n] - p) * row[i];
        for (let j = 0; j < k; j++) hess[i][j] += w * row[i] * row[j];
      }
    });
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b + step[i]);
    if (step.every((s) => Math.abs(s) < 1e-10)) break;
  }
  return beta;
}

/** Fit the length-controlled model on one sample of instructions. */
export function fitLcWinRate(items: PreferenceItem[]): LcFit | undefined {
  if (items.length === 0) return undefined;
  const withDifficulty = items.every((i) => typeof i.difficulty === "number");
  const x = features(items, withDifficulty);
  const y = items.map((i) => i.preference);
  const coefficients = fitLogistic(x, y);
  // Length term zeroed: only θ (and ψ · difficulty) stays.
  const lcWinRate =
    x.reduce((s, row) => s + sigmoid(coefficients[0] + (withDifficulty ? coefficients[2] * row[2] : 0)), 0) / x.length;
  const winRate = y.reduce((a, b) => a + b, 0) / y.length;
  return { coefficients, lcWinRate, winRate };
}

/** A seeded PRNG (mulberry32) so a page shows the same interval on every render. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))];

/**
 * LC win rate and raw win rate with 95% percentile-bootstrap intervals (instructions resampled
 * with replacement, `resamples` times, seeded), plus the mean answer length of each side.
 */
export function lcWinRate(items: PreferenceItem[], options: { resamples?: number; seed?: number } = {}): LcWinRate | undefined {
  const fit = fitLcWinRate(items);
  if (!fit) return undefined;
  const resamples = options.resamples ?? 500;
  const random = seeded(options.seed ?? 1);
  const lcs: number[] = [];
  const wins: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample = items.map(() => items[Math.floor(random() * items.length)]);
    const f = fitLcWinRate(sample);
    if (!f) continue;
    lcs.push(f.lcWinRate);
    wins.push(f.winRate);
  }
  lcs.sort((a, b) => a - b);
  wins.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    ...fit,
    n: items.length,
    lcLow: percentile(lcs, 0.025),
    lcHigh: percentile(lcs, 0.975),
    winLow: percentile(wins, 0.025),
    winHigh: percentile(wins, 0.975),
    meanModelLength: mean(items.map((i) => i.modelLength)),
    meanBaselineLength: mean(items.map((i) => i.baselineLength)),
  };
}
