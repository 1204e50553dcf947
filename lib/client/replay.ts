import type { RunEvent } from "@/lib/moa/events";
import { gateEventsByLayer, heldLayer, layerOfEvent } from "@/lib/teach/gate-events";

/**
 * Replays a stored run with its original timing. Pure apart from the clock it is given, so
 * tests drive it with a fake one. It never touches a store: it tells `onReset` to start
 * over and hands `onEvents` the batch of events that are due, in order.
 */

export type ReplaySpeed = 1 | 4 | "instant";

export interface ReplayClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReplaySnapshot {
  /** Run time shown, in ms since the run started. */
  position: number;
  /** Run time of the last event. */
  duration: number;
  playing: boolean;
  speed: ReplaySpeed;
  ended: boolean;
  /** Stepping through layers: the replay stops before each layer until `nextLayer()`. */
  stepping: boolean;
  /** The 0-based layer the replay is stopped before, waiting for `nextLayer()`. */
  heldBefore?: number;
}

export interface ReplayOptions {
  onReset(): void;
  onEvents(events: RunEvent[]): void;
  clock?: ReplayClock;
  speed?: ReplaySpeed;
  /** Batches closer together than this are merged: no point waking more than once a frame. */
  minStepMs?: number;
  /** Start in step-through mode: layer 1 plays, then the replay waits before each next layer. */
  stepping?: boolean;
}

export interface Replay {
  play(): void;
  pause(): void;
  setSpeed(speed: ReplaySpeed): void;
  /** Jumps to run time `t`: starts over, applies everything up to `t` at once, keeps playing if it was. */
  seek(t: number): void;
  /** Applies every event and stops. */
  showFinal(): void;
  /** Turns step-through on (holding from the next layer not yet shown) or off (playing on if it was held). */
  setStepping(on: boolean): void;
  /** Releases the held layer and plays it. */
  nextLayer(): void;
  getSnapshot(): ReplaySnapshot;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export const realClock: ReplayClock = {
  now: () => (typeof performance === "undefined" ? Date.now() : performance.now()),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createReplay(input: readonly RunEvent[], options: ReplayOptions): Replay {
  const clock = options.clock ?? realClock;
  const minStep = options.minStepMs ?? 16;
  const events = [...input].sort((a, b) => a.seq - b.seq);
  // Events are applied in seq order; a `t` that steps back is treated as "same time as before".
  const times: number[] = [];
  for (const e of events) times.push(Math.max(times.at(-1) ?? 0, e.t));
  const duration = times.at(-1) ?? 0;

  let next = 0; // index of the first event not yet applied
  let position = 0; // run time at the anchor
  let anchor = clock.now(); // wall time when `position` was true
  let playing = false;
  let speed: ReplaySpeed = options.speed ?? 1;
  let timer: unknown = null;
  // The last layer that may be shown while stepping; null when not stepping.
  let allowedLayer: number | null = options.stepping ? 0 : null;
  // Stopped by the layer gate rather than by pause: releasing it plays on.
  let held = false;
  let snapshot: ReplaySnapshot | null = null;
  const listeners = new Set<() => void>();

  const factor = () => (speed === "instant" ? Infinity : speed);
  const ended = () => next >= events.length;
  // How many events (in order) the layer gate lets through.
  const cap = () => (allowedLayer === null ? events.length : gateEventsByLayer(events, allowedLayer).length);
  const atGate = () => !ended() && next >= cap();

  function currentPosition(): number {
    if (!playing) return position;
    return Math.min(duration, position + (clock.now() - anchor) * factor());
  }

  function changed() {
    snapshot = null;
    for (const listener of listeners) listener();
  }

  function cancelTimer() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  /** Applies every event due at run time `t`; true when something was applied. */
  function applyUpTo(t: number): boolean {
    const from = next;
    const limit = cap();
    while (next < limit && times[next] <= t) next += 1;
    if (next === from) return false;
    options.onEvents(events.slice(from, next));
    return true;
  }

  function reanchor(t: number) {
    position = t;
    anchor = clock.now();
  }

  /** Stops at the layer gate, with the clock never past the first held event. */
  function holdAtGate() {
    reanchor(Math.min(currentPosition(), times[next]));
    playing = false;
    held = true;
  }

  function tick() {
    timer = null;
    if (!playing) return;
    const t = currentPosition();
    applyUpTo(t);
    if (ended()) {
      reanchor(duration);
      playing = false;
    } else if (atGate()) {
      holdAtGate();
    } else {
      schedule();
    }
    changed();
  }

  function schedule() {
    cancelTimer();
    if (!playing) return;
    if (speed === "instant") applyUpTo(Infinity);
    if (atGate()) {
      holdAtGate();
      return;
    }
    if (speed === "instant" || ended()) {
      applyUpTo(Infinity);
      reanchor(duration);
      playing = false;
      return;
    }
    const wait = (times[next] - currentPosition()) / factor();
    timer = clock.setTimeout(tick, Math.max(minStep, wait));
  }

  return {
    play() {
      if (playing) return;
      held = false;
      if (ended()) {
        // Play after the end starts over, as a video player does; stepping starts over too.
        options.onReset();
        next = 0;
        if (allowedLayer !== null) allowedLayer = 0;
        reanchor(0);
      } else {
        reanchor(position);
      }
      playing = true;
      applyUpTo(position);
      schedule();
      changed();
    },

    pause() {
      if (!playing) return;
      held = false;
      reanchor(currentPosition());
      playing = false;
      cancelTimer();
      changed();
    },

    setSpeed(value) {
      if (value === speed) return;
      reanchor(currentPosition());
      speed = value;
      schedule();
      changed();
    },

    seek(t) {
      const target = Math.max(0, Math.min(duration, t));
      cancelTimer();
      options.onReset();
      next = 0;
      held = false;
      reanchor(target);
      applyUpTo(target);
      if (atGate()) reanchor(Math.min(target, times[next]));
      if (ended()) playing = false;
      else if (!playing && atGate()) held = true;
      schedule();
      changed();
    },

    showFinal() {
      cancelTimer();
      playing = false;
      held = false;
      // The final state is everything: nothing is left to step through.
      if (allowedLayer !== null) allowedLayer = Infinity;
      applyUpTo(Infinity);
      reanchor(duration);
      changed();
    },

    setStepping(on) {
      if (on === (allowedLayer !== null)) return;
      if (on) {
        // Never hide what is already on screen: hold from the layer after the last one shown.
        allowedLayer = next > 0 ? layerOfEvent(events[next - 1]) : 0;
        if (playing) schedule();
        changed();
        return;
      }
      allowedLayer = null;
      if (held) this.play();
      else changed();
    },

    nextLayer() {
      if (allowedLayer === null) return;
      const upcoming = heldLayer(events, allowedLayer);
      if (upcoming === undefined) return;
      allowedLayer = upcoming;
      if (held) {
        this.play();
        return;
      }
      if (playing) schedule();
      changed();
    },

    getSnapshot() {
      snapshot ??= {
        position: currentPosition(),
        duration,
        playing,
        speed,
        ended: ended(),
        stepping: allowedLayer !== null,
        heldBefore: held && atGate() ? layerOfEvent(events[next]) : undefined,
      };
      return snapshot;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      cancelTimer();
      playing = false;
      listeners.clear();
    },
  };
}
