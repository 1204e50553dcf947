import { startTransition, useCallback, useEffect, useLayoutEffect, useReducer, useRef } from "react";
import { runStore, type RunStoreState } from "./run-store";

type Subscribe = (onChange: () => void) => () => void;

const subscribeToEveryChange: Subscribe = (onChange) => runStore.subscribe(() => onChange());

/**
 * A transition React has not committed by then is forced through as a normal update. React may
 * hold a transition back (behind one that suspends, or restarted by every urgent update); when
 * the store then stops changing (a run paused between layers) nothing would ask again, and the
 * column would keep showing what it showed before.
 */
const COMMIT_WITHIN_MS = 300;

/**
 * Like `useRunStore(selector)`, but the component re-renders in a transition. zustand hands its
 * subscribers to React's useSyncExternalStore, whose updates are synchronous: every component
 * they touch renders, commits and lays out inside the animation frame that folded the events,
 * and React cannot yield in the middle. Through here React renders in slices between frames and
 * may skip values a newer fold has replaced. For what may trail the stream by a frame: finished
 * markdown blocks, the graph, the figures, panels shown at the run's end.
 *
 * Each render reads the store as it is then, so a render that the parent causes (a status
 * change) never shows a value older than the store's. `subscribe` picks when to look again
 * (every change, or `subscribeToRunSamples` for figures).
 */
export function useRunStoreTransition<T>(selector: (state: RunStoreState) => T, subscribe: Subscribe = subscribeToEveryChange): T {
  const value = selector(runStore.getState());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rendered = useRef({ selector, value, pending: false });
  const deadline = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const schedule = useCallback(() => {
    rendered.current.pending = true;
    startTransition(rerender);
    clearTimeout(deadline.current);
    deadline.current = setTimeout(rerender, COMMIT_WITHIN_MS);
  }, []);

  // After each commit: what is on screen now, and whether the store moved on since this render read it.
  useLayoutEffect(() => {
    clearTimeout(deadline.current);
    rendered.current = { selector, value, pending: false };
    if (!Object.is(selector(runStore.getState()), value)) schedule();
  });

  useEffect(() => {
    const unsubscribe = subscribe(() => {
      const current = rendered.current;
      if (current.pending || Object.is(current.selector(runStore.getState()), current.value)) return;
      schedule();
    });
    return () => {
      unsubscribe();
      clearTimeout(deadline.current);
    };
  }, [subscribe, schedule]);

  return value;
}
