"use client";

import { runStore, type RunStoreState } from "./run-store";
import { useRunStoreTransition } from "./use-run-store-transition";

/**
 * Live figures (elapsed time, tokens per second, token and cost totals) change with every
 * delta, 60 times a second in a busy run, yet nobody reads a number that fast. A component
 * that shows one subscribes through here: it hears of changes at most `SAMPLE_MS` apart, and
 * at once when the run's status changes, so an ended run's final figures are never late.
 */
export const SAMPLE_MS = 250;

type Listener = () => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | null = null;
let lastStatus: RunStoreState["run"]["status"] | undefined;
let unsubscribe: (() => void) | null = null;

function notifyAll() {
  timer = null;
  for (const listener of listeners) listener();
}

function onStoreChange(state: RunStoreState) {
  if (state.run.status !== lastStatus) {
    lastStatus = state.run.status;
    if (timer !== null) clearTimeout(timer);
    notifyAll();
    return;
  }
  timer ??= setTimeout(notifyAll, SAMPLE_MS);
}

/** Hears of run store changes at most `SAMPLE_MS` apart, and at once on a status change. */
export function subscribeToRunSamples(listener: Listener): () => void {
  listeners.add(listener);
  if (!unsubscribe) {
    lastStatus = runStore.getState().run.status;
    unsubscribe = runStore.subscribe(onStoreChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    unsubscribe?.();
    unsubscribe = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}

/**
 * Like `useRunStore(selector)`, sampled: the component re-renders, in a transition, when the
 * selected value has changed at the last sample. The selector must return a primitive or a value that keeps its
 * identity while unchanged (as `useRunStore`'s selectors do).
 */
export function useSampledRunStore<T>(selector: (state: RunStoreState) => T): T {
  return useRunStoreTransition(selector, subscribeToRunSamples);
}
