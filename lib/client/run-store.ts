import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRunEvents, type AgentState, type RunState } from "@/lib/moa/run-state";
import type { RunKeys } from "@/lib/wire/keys";
import { createFrameBatcher, type FrameBatcher, type FrameScheduler } from "./frame-batcher";
import { readOwner, writeOwner } from "./owner";
import { cancelRun, postRun, RunClientError, streamRunEvents } from "./run-client";

/**
 * The live run in the browser. Events are folded by the engine's own reducer (`reduceRunEvents`); this
 * store adds what only a client has: the connection phase, the error to show, the turns of
 * the conversation so far, and a frame batcher so bursts of deltas cost one render.
 */
export type RunPhase = "idle" | "starting" | "streaming" | "reconnecting" | "ended";

export interface StartInput {
  config: MoAConfig;
  /** The new user message. */
  prompt: string;
  keys?: RunKeys;
  /** Teaching: the server pauses before each later layer (see lib/teach). */
  stepThrough?: boolean;
  /** The LLM-Ranker baseline runs the same board, but its last agent only picks. */
  variant?: "moa" | "ranker";
}

export interface RunStoreState {
  run: RunState;
  phase: RunPhase;
  /** A message safe to show: why the run could not start or the stream was lost. */
  error: string | null;
  /** The conversation sent with the current run (ends with its user prompt). */
  messages: ChatMessage[];
  /** The config of the current run, known before its run-started event arrives. */
  config: MoAConfig | null;
  /** Owner token from the server; sent with cancel so only we may stop our run. */
  owner: string | null;

  /** Starts over with an empty run (a replay passes the stored run's id). */
  reset(runId?: string): void;
  /** Folds events now, in one update. */
  applyEvents(events: RunEvent[]): void;
  /** Queues events to be folded on the next animation frame. */
  enqueueEvents(events: RunEvent[]): void;
  /** Applies queued events immediately. */
  flush(): void;
  /** Posts the board's config with the conversation so far plus `prompt`, then streams. */
  start(input: StartInput): Promise<void>;
  /**
   * Follows run `id` live until its terminal event: every page that watches a run (the
   * playground after a start or a reload, a share page, presenter mode) goes through here.
   * With a `snapshot` (the run as fetched) the store starts from it and the stream resumes
   * after its last event; without, from the run's first event. Another follow, start or
   * reset, or `signal`, ends it.
   */
  follow(id: string, options?: FollowOptions): Promise<FollowResult>;
  /** Asks the server to cancel the current run. */
  stop(): Promise<void>;
  /** Forgets the conversation: the next prompt starts a new one. */
  newConversation(): void;
}

export type RunStoreApi = StoreApi<RunStoreState>;

export interface FollowOptions {
  snapshot?: RunState;
  signal?: AbortSignal;
}

export interface FollowResult {
  /** The events this follow received, in order (a replay of the run can be built from them without a snapshot). */
  events: RunEvent[];
  /** Why the stream ended before the run did, safe to show; null when the run ended or the follow was ended. */
  error: string | null;
}

export interface RunStoreDeps {
  scheduler?: FrameScheduler;
  postRun?: typeof postRun;
  cancelRun?: typeof cancelRun;
  streamRunEvents?: typeof streamRunEvents;
  /** Owner token persisted across visits so "my runs" survives a reload. */
  ownerStorage?: { get(): string | null; set(owner: string): void };
}

const browserOwnerStorage = { get: readOwner, set: writeOwner };

/**
 * The conversation to send for a follow-up. After a run with an answer, the answer joins
 * as the assistant's turn; after a run without one (stopped, failed), its prompt is dropped
 * so the conversation never holds two user turns in a row.
 */
export function nextConversation(previous: ChatMessage[], finalText: string, prompt: string): ChatMessage[] {
  const history = previous.slice();
  if (history.at(-1)?.role === "user") {
    if (finalText.trim() !== "") history.push({ role: "assistant", content: finalText });
    else history.pop();
  }
  return [...history, { role: "user", content: prompt }];
}

function errorMessage(error: unknown): string {
  if (error instanceof RunClientError) return error.message;
  return "Could not reach the server. Check your connection and try again.";
}

export function isActive(phase: RunPhase): boolean {
  return phase === "starting" || phase === "streaming" || phase === "reconnecting";
}

export function createRunStore(deps: RunStoreDeps = {}): RunStoreApi {
  const api = {
    postRun: deps.postRun ?? postRun,
    cancelRun: deps.cancelRun ?? cancelRun,
    streamRunEvents: deps.streamRunEvents ?? streamRunEvents,
  };
  const ownerStorage = deps.ownerStorage ?? browserOwnerStorage;
  let batcher: FrameBatcher<RunEvent> | null = null;
  let controller: AbortController | null = null;
  let stopRequested = false;

  const store = createStore<RunStoreState>()((set, get) => {
    const fold = (events: RunEvent[]) => {
      if (events.length === 0) return;
      const before = get().run;
      // Events of another run are ignored (a store reset for a replay has no run id yet: it takes all).
      const ours = before.runId === "" ? events : events.filter((e) => e.runId === before.runId);
      // One frame's deltas cost one copy of the agents they touch, as on the server.
      const run = reduceRunEvents(before, ours);
      if (run === before) return;
      const terminal = run.status !== "running" && run.status !== "pending";
      set({
        run,
        messages: run.messages.length > 0 ? run.messages : get().messages,
        ...(terminal ? { phase: "ended" as const } : {}),
      });
    };

    const queue = () => (batcher ??= createFrameBatcher(fold, deps.scheduler));

    /** This follow replaces whatever the store was streaming. */
    const takeOver = (): AbortController => {
      controller?.abort();
      controller = new AbortController();
      return controller;
    };

    /** Streams `id` into the store until its end; the phase says where it is. */
    const stream = async (id: string, abort: AbortController, afterSeq?: number): Promise<FollowResult> => {
      const events: RunEvent[] = [];
      try {
        await api.streamRunEvents(id, {
          afterSeq,
          signal: abort.signal,
          onEvents: (batch) => {
            events.push(...batch);
            get().enqueueEvents(batch);
          },
          onConnection: (state) => {
            if (get().phase !== "ended") set({ phase: state === "open" ? "streaming" : "reconnecting" });
          },
        });
        if (abort.signal.aborted) return { events, error: null };
        get().flush();
        if (get().phase !== "ended") set({ phase: "ended" });
        return { events, error: null };
      } catch (error) {
        if (abort.signal.aborted) return { events, error: null };
        get().flush();
        const message = errorMessage(error);
        set({ phase: "ended", error: message });
        return { events, error: message };
      } finally {
        if (controller === abort) controller = null;
      }
    };

    return {
      run: initialRunState(""),
      phase: "idle",
      error: null,
      messages: [],
      config: null,
      owner: null,

      reset(runId = "") {
        controller?.abort();
        controller = null;
        batcher?.clear();
        set({ run: initialRunState(runId), phase: "idle", error: null, config: null });
      },

      applyEvents: fold,
      enqueueEvents: (events) => queue().push(...events),
      flush: () => batcher?.flush(),

      async start({ config, prompt, keys, stepThrough, variant }) {
        if (isActive(get().phase)) return;
        const { run, messages: previous, phase: phaseBefore } = get();
        const messages = nextConversation(previous, run.finalText, prompt);
        const abort = takeOver();
        stopRequested = false;
        // The previous turn stays on screen until the server accepts the new one, so a
        // rejected start (invalid key, rate limit) loses nothing.
        set({ phase: "starting", error: null });
        let started: { id: string; owner: string };
        try {
          const owner = get().owner ?? ownerStorage.get() ?? undefined;
          started = await api.postRun({ config, messages, keys, owner, ...(stepThrough && { stepThrough }), ...(variant === "ranker" && { variant }) });
        } catch (error) {
          if (controller === abort) controller = null;
          set({ phase: phaseBefore === "idle" ? "idle" : "ended", error: errorMessage(error) });
          return;
        }
        batcher?.clear();
        ownerStorage.set(started.owner);
        set({ owner: started.owner, run: initialRunState(started.id), messages, config, phase: "streaming" });
        if (stopRequested) void get().stop();
        await stream(started.id, abort);
      },

      async follow(id, { snapshot, signal } = {}) {
        const abort = takeOver();
        signal?.addEventListener("abort", () => abort.abort(), { once: true });
        batcher?.clear();
        const live = !snapshot || snapshot.status === "pending" || snapshot.status === "running";
        set({
          run: snapshot ?? initialRunState(id),
          ...(snapshot && { messages: snapshot.messages, config: snapshot.config ?? null }),
          owner: get().owner ?? ownerStorage.get(),
          phase: live ? "streaming" : "ended",
          error: null,
        });
        if (!live || signal?.aborted) return { events: [], error: null };
        return stream(id, abort, snapshot?.lastSeq);
      },

      async stop() {
        const { run, owner, phase } = get();
        if (phase === "starting") {
          stopRequested = true;
          return;
        }
        if (!isActive(phase) || !run.runId) return;
        try {
          await api.cancelRun(run.runId, owner ?? undefined);
        } catch (error) {
          set({ error: errorMessage(error) });
        }
        // The stream then delivers run-cancelled; the reducer marks open agents stopped.
      },

      newConversation() {
        if (isActive(get().phase)) return;
        get().reset();
        set({ messages: [], config: null });
      },
    };
  });
  return store;
}

/** The page's one run store. A share page drives the same store with `reset` + `applyEvents`. */
export const runStore: RunStoreApi = createRunStore();

export function useRunStore<T>(selector: (state: RunStoreState) => T): T {
  return useStore(runStore, selector);
}

// Selectors. Each returns a value that keeps its identity while the slice is unchanged, so a
// delta for one agent re-renders only the components that read that agent.
export const selectAgent =
  (layer: number, agent: number) =>
  (state: RunStoreState): AgentState | undefined =>
    state.run.agents[layer]?.[agent];

export const selectConfig = (state: RunStoreState) => state.run.config ?? state.config ?? undefined;
