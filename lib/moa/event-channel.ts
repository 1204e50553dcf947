/**
 * A small unbounded async queue: many concurrent producers push, one consumer pulls.
 * The consumer waits on a promise (no polling); after `close()` it drains what is left.
 */
export interface EventChannel<T> extends AsyncIterable<T> {
  push(item: T): void;
  /** No more items; pending and future pulls end once the queue is drained. */
  close(): void;
  readonly closed: boolean;
}

export function createEventChannel<T>(): EventChannel<T> {
  const queue: T[] = [];
  let closed = false;
  let wake: (() => void) | undefined;

  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

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
    async *[Symbol.asyncIterator]() {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift() as T;
          continue;
        }
        if (closed) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
