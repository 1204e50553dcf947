/** Two-sided 95% quantiles of Student's t for 1…30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * t₀.₉₇₅ with `df` degrees of freedom: the table up to 30, beyond it the Cornish–Fisher
 * expansion z + (z³ + z)/(4·df) + (5z⁵ + 16z³ + 3z)/(96·df²), within 0.001 there.
 */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T_975[Math.round(df) - 1];
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

export interface MeanInterval {
  n: number;
  mean: number;
  /** The 95% t-interval of the mean, clipped to `bounds`; undefined with a single value. */
  low?: number;
  high?: number;
}

/**
 * Mean of independent values (one per prompt) with a 95% t-interval,
 * mean ± t₀.₉₇₅(n−1) · s/√n, s the sample standard deviation. A t-interval rather than a
 * bootstrap because a playground has a handful of prompts, where a bootstrap's interval is too
 * narrow. Clipped to `bounds` (a mean of correlations stays in [−1, 1]). Undefined without values.
 */
export function meanInterval(values: number[], bounds: [number, number] = [-Infinity, Infinity]): MeanInterval | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { n, mean };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, low: Math.max(bounds[0], mean - half), high: Math.min(bounds[1], mean + half) };
}
