/**
 * Collects items that arrive faster than the screen refreshes and hands them over in one
 * batch per animation frame. Token deltas come in bursts of dozens per frame; folding them
 * one `set()` at a time would re-render the page dozens of times for one visible change.
 */
export interface FrameScheduler {
  request(callback: () => void): unknown;
  cancel(handle: unknown): void;
}

export interface FrameBatcher<T> {
  push(...items: T[]): void;
  /** Delivers what is pending now (e.g. before a terminal state must be visible). */
  flush(): void;
  /** Drops what is pending and any scheduled frame. */
  clear(): void;
  readonly pending: number;
}

/** requestAnimationFrame in a browser; a ~60 Hz timer elsewhere (tests, SSR, hidden tabs fall back too). */
export function defaultScheduler(): FrameScheduler {
  if (typeof window !== "undefined" && typeof window.requestAnimationFrame === "function") {
    return {
      request: (cb) => window.requestAnimationFrame(() => cb()),
      cancel: (h) => window.cancelAnimationFrame(h as number),
    };
  }
  return {
    request: (cb) => setTimeout(cb, 16),
    cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  scheduler: FrameScheduler = defaultScheduler(),
): FrameBatcher<T> {
  let queue: T[] = [];
  let handle: unknown = null;

  const run = () => {
    handle = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    deliver(batch);
  };

  return {
    push(...items) {
      if (items.length === 0) return;
      queue.push(...items);
      if (handle === null) handle = scheduler.request(run);
    },
    flush() {
      if (handle !== null) scheduler.cancel(handle);
      run();
    },
    clear() {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };
}
