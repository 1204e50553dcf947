import type { RunEventBody } from "./events";

/** Wakes everyone waiting on it; the engine pulses on every event of an early-aggregation run. */
export interface Pulse {
  notify(): void;
  next(): Promise<void>;
}

export function createPulse(): Pulse {
  let waiters: Array<() => void> = [];
  return {
    notify() {
      const woken = waiters;
      waiters = [];
      woken.forEach((wake) => wake());
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

type WatchedState = "running" | "finished" | "out";

/** A live view of one layer's answers as they stream, built from its events. */
export interface LayerWatch {
  observe(body: RunEventBody): void;
  /** Text so far of every agent still running or finished, in agent order. */
  answers(): string[];
  /** Characters so far per agent; -1 for agents that failed or were skipped. */
  lengths(): number[];
  /** Every agent has finished, failed or been skipped: the answers are final. */
  done(): boolean;
  /** Every running agent has at least `chars` characters more than `since` (or the layer is done). */
  advanced(since: number[], chars: number): boolean;
}

export function createLayerWatch(agentCount: number): LayerWatch {
  const texts = Array.from({ length: agentCount }, () => "");
  const states: WatchedState[] = Array.from({ length: agentCount }, () => "running");
  const done = () => states.every((s) => s !== "running");
  return {
    observe(body) {
      if (!("agent" in body)) return;
      const i = body.agent;
      if (body.type === "agent-delta") texts[i] += body.text;
      else if (body.type === "agent-finished") {
        texts[i] = body.text;
        states[i] = "finished";
      } else if (body.type === "agent-failed" || body.type === "agent-skipped") states[i] = "out";
    },
    answers: () => texts.filter((_, i) => states[i] !== "out"),
    lengths: () => texts.map((t, i) => (states[i] === "out" ? -1 : t.length)),
    done,
    advanced(since, chars) {
      if (done()) return true;
      return states.every((s, i) => s !== "running" || texts[i].length >= (since[i] ?? 0) + chars);
    },
  };
}

/**
 * Resolves true once `condition()` holds (checked on every pulse), false if `signal` aborts
 * or `until` settles first.
 */
export async function waitFor(condition: () => boolean, pulse: Pulse, signal: AbortSignal, until?: Promise<unknown>): Promise<boolean> {
  if (condition()) return true;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  const settled = until?.then(
    () => false as const,
    () => false as const,
  );
  try {
    while (!signal.aborted) {
      const woke = await Promise.race([pulse.next().then(() => true as const), aborted, ...(settled ? [settled] : [])]);
      if (condition()) return true;
      if (!woke) return false;
    }
    return false;
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
