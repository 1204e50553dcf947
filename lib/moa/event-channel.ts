/**
 * A small unbounded async queue: many concurrent producers push, one consumer pulls, one item
 * at a time or everything queued at once. The consumer waits on a promise (no polling); after
 * `close()` it drains what is left.
 */
export interface EventChannel<T> extends AsyncIterable<T> {
  push(item: T): void;
  /** No more items; pending and future pulls end once the queue is drained. */
  close(): void;
  readonly closed: boolean;
  /**
   * Everything queued when the consumer gets to it, as one array. Producers that push in the same
   * turn of the event loop (agents whose tokens came due at the same tick) land in one batch, so
   * the consumer's per-item cost is a loop step, not a trip through the async machinery.
   */
  batches(): AsyncIterable<T[]>;
}

export function createEventChannel<T>(): EventChannel<T> {
  let queue: T[] = [];
  let closed = false;
  let wake: (() => void) | undefined;

  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const arrival = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });

  async function* batches(): AsyncGenerator<T[]> {
    while (true) {
      if (queue.length > 0) {
        const batch = queue;
        queue = [];
        yield batch;
        continue;
      }
      if (closed) return;
      await arrival();
    }
  }

  return {
    get closed() {
      return closed;
    },
    push(item) {
      // Pushing after close is a no-op so late producers (aborted agents winding down) cannot leak events.
      if (closed) return;
      queue.push(item);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch;
    },
  };
}
