import "server-only";

/**
 * Starts queued work one item per turn of the event loop, after the turn's I/O.
 *
 * Starting a run's engine costs a few milliseconds of the event loop. Done inside the request
 * that creates the run, 100 new runs a second make every turn of the loop long, and Node (libuv
 * 1.46) accepts one new connection per turn: new clients then wait in the kernel's queue. Started
 * from here, a run begins at most one per turn, so turns stay short and the answer goes first.
 * Measured with the admission bench's load (7 alternating rounds each): POST /api/runs p99 had a
 * median of 142 ms with the engine started in the request, 111 ms from here; the 100 runs still
 * all ended within 13.9-15.4 s either way.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function startNext(): void {
  const start = waiting.shift();
  if (waiting.length > 0) setImmediate(startNext);
  else scheduled = false;
  start?.();
}

/** Resolves in a later turn of the event loop, in the order asked, one per turn. */
export function nextStartTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (scheduled) return;
    scheduled = true;
    setImmediate(startNext);
  });
}
