/**
 * Keyboard steps of the replay scrubber. The range input's own step (1 ms) made an arrow press
 * invisible; an arrow moves a fiftieth of the run (at least 100 ms), PageUp/PageDown five times
 * that (at least a second), Home/End to the ends.
 */
export function replayKeyTarget(key: string, position: number, duration: number): number | null {
  const small = Math.max(100, Math.round(duration / 50 / 100) * 100);
  const big = Math.max(1000, small * 5);
  const moves: Record<string, number> = {
    ArrowRight: position + small,
    ArrowUp: position + small,
    ArrowLeft: position - small,
    ArrowDown: position - small,
    PageUp: position + big,
    PageDown: position - big,
    Home: 0,
    End: duration,
  };
  if (!(key in moves)) return null;
  return Math.min(duration, Math.max(0, Math.round(moves[key])));
}
