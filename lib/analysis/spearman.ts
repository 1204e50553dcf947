/** 1-based ranks; tied values share the average of the ranks they span. */
export function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
    // Positions start…end hold ranks start+1…end+1; their mean is the midpoint.
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k][1]] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the average ranks, which stays
 * exact with ties (the 1 − 6Σd²/(n(n²−1)) shortcut does not). Undefined when there are
 * fewer than two pairs or either side is constant.
 */
export function spearman(x: number[], y: number[]): number | undefined {
  if (x.length !== y.length) throw new RangeError(`spearman needs paired values (${x.length} vs ${y.length})`);
  const n = x.length;
  if (n < 2) return undefined;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i] - mean;
    const dy = ry[i] - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}
