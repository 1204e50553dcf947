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
 * Streams served in one turn of the event loop. Each one's tokens go down the engine's pipeline
 * in the microtasks after it, and between slices the loop polls for I/O. Node accepts one new
 * connection per turn of its loop, so long turns leave new clients waiting in the kernel: with
 * the admission bench's load (100 runs started over a second; 7 alternating rounds each), POST /api/runs
 * p99 had a median of 111 ms at 48 streams a slice, 104 ms at 12 and 84 ms at 4.
 */
export const SLICE_STREAMS = 4;

/**
 * One timer for every simulated stream in the process. With a timer per stream, 100 runs of six
 * agents at ~60 tokens a second each fired ~36,000 callbacks a second, and each token went down
 * the engine's pipeline alone; with one timer, every token due at a tick is written in the same
 * few turns of the event loop (a slice of streams a turn), so the consumers downstream take them
 * a slice at a time, not a token at a time. A lone stream still gets its tokens on time (the timer
 * is armed for its next due token, not on a fixed grid).
 */
export function createPacer(now: () => number = () => performance.now(), sliceStreams = SLICE_STREAMS) {
  const streams = new Set<PacedStream>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;
  let lastTick = -Infinity;
  /** A tick's due streams are being served slice by slice; the timer is armed once they all are. */
  let serving = false;

  /** Arms the one timer for `earliest` (a frame after the last tick at the soonest), unless it is armed sooner. */
  function arm(earliest: number): void {
    if (earliest === Infinity || serving) return;
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
    const due: PacedStream[] = [];
    for (const stream of streams) if (stream.nextDue() <= at) due.push(stream);
    serving = true;
    serve(due, 0, at);
  }

  function serve(due: PacedStream[], from: number, at: number): void {
    const end = Math.min(due.length, from + sliceStreams);
    // A stream removed meanwhile (cancelled) is skipped.
    for (let i = from; i < end; i++) if (streams.has(due[i])) due[i].advance(at);
    if (end < due.length) {
      setImmediate(() => serve(due, end, at));
      return;
    }
    serving = false;
    let earliest = Infinity;
    for (const stream of streams) {
      const next = stream.nextDue();
      if (next === Infinity) streams.delete(stream);
      else if (next < earliest) earliest = next;
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
