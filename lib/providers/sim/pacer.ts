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

  /** Arms the one timer for `earliest` (a frame after the last tick at the soonest), unless it is armed sooner. */
  function arm(earliest: number): void {
    if (earliest === Infinity) return;
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

  // One pass over the streams per tick: serve the due ones and find the next due token.
  function tick(): void {
    timer = undefined;
    armedFor = Infinity;
    const at = now();
    lastTick = at;
    let earliest = Infinity;
    for (const stream of streams) {
      let due = stream.nextDue();
      if (due <= at) {
        stream.advance(at);
        due = stream.nextDue();
      }
      if (due === Infinity) streams.delete(stream);
      else if (due < earliest) earliest = due;
    }
    arm(earliest);
  }

  return {
    add(stream: PacedStream): void {
      streams.add(stream);
      arm(stream.nextDue());
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
