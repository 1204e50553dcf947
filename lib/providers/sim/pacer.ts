/** A stream the pacer drives: it says when its next token is due and writes every token due by then. */
export interface PacedStream {
  /** `performance.now()` time of the next token; Infinity once it has nothing more to write. */
  nextDue(): number;
  /** Writes every token due at `now`. */
  advance(now: number): void;
}

/**
 * Ticks closer together than this are merged into one: a stream may write up to this much late,
 * so that hundreds of concurrent streams share a few hundred timer callbacks a second.
 */
export const FRAME_MS = 4;

/**
 * One timer for every simulated stream in the process. With a timer per stream, 100 runs of six
 * agents at ~60 tokens a second each fired ~36,000 callbacks a second, and each token went down
 * the engine's pipeline alone; with one timer, every token due at a tick is written in the same
 * turn of the event loop, so the consumers downstream take them as one batch. A lone stream still
 * gets its tokens on time (the timer is armed for its next due token, not on a fixed grid).
 */
export function createPacer(now: () => number = () => performance.now()) {
  const streams = new Set<PacedStream>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;
  let lastTick = -Infinity;

  function arm(): void {
    let earliest = Infinity;
    for (const stream of streams) earliest = Math.min(earliest, stream.nextDue());
    if (earliest === Infinity) return disarm();
    const at = Math.max(earliest, lastTick + FRAME_MS);
    if (timer !== undefined && at >= armedFor) return;
    disarm();
    armedFor = at;
    timer = setTimeout(tick, Math.max(0, at - now()));
  }

  function disarm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    armedFor = Infinity;
  }

  function tick(): void {
    timer = undefined;
    armedFor = Infinity;
    const at = now();
    lastTick = at;
    for (const stream of streams) {
      if (stream.nextDue() <= at) stream.advance(at);
      if (stream.nextDue() === Infinity) streams.delete(stream);
    }
    arm();
  }

  return {
    add(stream: PacedStream): void {
      streams.add(stream);
      arm();
    },
    remove(stream: PacedStream): void {
      streams.delete(stream);
      if (streams.size === 0) disarm();
    },
    /** Streams being paced now (for tests). */
    get size(): number {
      return streams.size;
    },
  };
}
