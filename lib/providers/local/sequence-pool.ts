import "server-only";
/**
 * A fixed set of slots handed out first come, first served. Requests beyond the free slots
 * wait in line instead of failing: a layer of six agents on one local model with four
 * sequences runs four at once and starts the other two as soon as slots free up.
 */
export interface SequencePool<T> {
  acquire(signal?: AbortSignal): Promise<T>;
  release(item: T): void;
  /** Requests waiting for a slot right now. */
  readonly waiting: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export function createSequencePool<T>(capacity: number, create: () => T): SequencePool<T> {
  const idle: T[] = [];
  let created = 0;
  const waiters: Array<{ resolve: (item: T) => void }> = [];

  return {
    get waiting() {
      return waiters.length;
    },

    acquire(signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const free = idle.pop();
      if (free !== undefined) return Promise.resolve(free);
      if (created < capacity) {
        created += 1;
        try {
          return Promise.resolve(create());
        } catch (error) {
          created -= 1;
          return Promise.reject(error);
        }
      }
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          resolve: (item: T) => {
            signal?.removeEventListener("abort", onAbort);
            resolve(item);
          },
        };
        // A request stopped while queued leaves the line at once and takes no slot.
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(abortReason(signal!));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(waiter);
      });
    },

    release(item) {
      const next = waiters.shift();
      if (next) next.resolve(item);
      else idle.push(item);
    },
  };
}
