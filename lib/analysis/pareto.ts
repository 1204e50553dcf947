export interface ParetoPoint {
  /** Cost or latency: lower is better. */
  x: number;
  /** Quality: higher is better. */
  y: number;
}

/**
 * The points no other point beats on both axes (no q with q.x ≤ p.x and q.y ≥ p.y, one of
 * them strictly), sorted by x ascending. Exact duplicates of a front point stay on the front;
 * points with a non-finite coordinate are left out.
 */
export function paretoFront<T extends ParetoPoint>(points: readonly T[]): T[] {
  const sorted = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .slice()
    .sort((a, b) => a.x - b.x || b.y - a.y);
  const front: T[] = [];
  let bestY = -Infinity;
  for (const p of sorted) {
    // Every point before p has x ≤ p.x, so p survives only by beating all of their y…
    if (p.y > bestY) {
      front.push(p);
      bestY = p.y;
      continue;
    }
    // …or by being the same point as the one that set bestY.
    const last = front.at(-1);
    if (last && last.x === p.x && last.y === p.y) front.push(p);
  }
  return front;
}
