import { describe, expect, it, vi } from "vitest";
import { createRunStore, nextConversation, selectAgent, type RunStoreDeps } from "@/lib/client/run-store";
import { RunClientError, type StreamOptions } from "@/lib/client/run-client";
import type { StartRunBody } from "@/lib/wire/run-request";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { CONFIG, finishedRun, manualScheduler, stamp } from "./fixtures";

function memoryOwner() {
  let owner: string | null = null;
  return { get: () => owner, set: (o: string) => void (owner = o) };
}

/** A store wired to a fake server that replays `events` for whatever run is started. */
function storeWithServer(eventsFor: (id: string, body: StartRunBody) => RunEvent[]) {
  const frames = manualScheduler();
  const posted: StartRunBody[] = [];
  const cancelled: { id: string; owner?: string }[] = [];
  let n = 0;
  const deps: RunStoreDeps = {
    scheduler: frames,
    ownerStorage: memoryOwner(),
    postRun: async (body) => {
      posted.push(body);
      n += 1;
      return { id: `run-${n}`, owner: "owner-secret" };
    },
    cancelRun: async (id, owner) => void cancelled.push({ id, owner }),
    streamRunEvents: async (id, options: StreamOptions) => {
      const events = eventsFor(id, posted.at(-1)!);
      options.onEvents(events);
      return { kind: "ended", lastSeq: events.at(-1)?.seq ?? -1 };
    },
  };
  return { store: createRunStore(deps), frames, posted, cancelled };
}

describe("run store: folding events", () => {
  it("applies a whole run with the engine's reducer", () => {
    const store = createRunStore({ scheduler: manualScheduler() });
    store.getState().reset("run-1");
    store.getState().applyEvents(finishedRun("run-1"));
    const { run, phase } = store.getState();
    expect(run.status).toBe("finished");
    expect(run.finalText).toBe("Final.");
    expect(run.agents.map((row) => row.map((a) => [a.status, a.text]))).toEqual([
      [
        ["done", "Hello"],
        ["done", "Bonjour"],
      ],
      [["done", "Final."]],
    ]);
    expect(phase).toBe("ended");
  });

  it("a delta for one agent leaves every other agent's slice identical (one column re-renders)", () => {
    const store = createRunStore({ scheduler: manualScheduler() });
    store.getState().reset("run-1");
    const events = finishedRun("run-1");
    store.getState().applyEvents(events.slice(0, 6)); // both proposers streaming
    const before = store.getState();
    store.getState().applyEvents(stamp("run-1", [{ type: "agent-delta", layer: 0, agent: 0, text: "!!" }], 6));
    const after = store.getState();

    expect(selectAgent(0, 0)(after)).not.toBe(selectAgent(0, 0)(before));
    expect(selectAgent(0, 0)(after)?.text).toBe("Hel!!");
    expect(selectAgent(0, 1)(after)).toBe(selectAgent(0, 1)(before));
    expect(selectAgent(1, 0)(after)).toBe(selectAgent(1, 0)(before));
  });

  it("queued events wait for the next frame and arrive in one update", () => {
    const frames = manualScheduler();
    const store = createRunStore({ scheduler: frames });
    store.getState().reset("run-1");
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().enqueueEvents(finishedRun("run-1").slice(0, 8));
    expect(store.getState().run.status).toBe("pending");
    expect(listener).not.toHaveBeenCalled();
    frames.tick();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(selectAgent(0, 0)(store.getState())?.status).toBe("done");
    expect(selectAgent(0, 1)(store.getState())?.text).toBe("Bon");
  });

  it("ignores replayed events and events of another run", () => {
    const store = createRunStore({ scheduler: manualScheduler() });
    store.getState().reset("run-1");
    const events = finishedRun("run-1");
    store.getState().applyEvents(events.slice(0, 7));
    store.getState().applyEvents(events.slice(4, 7)); // a reconnect re-sends these
    store.getState().applyEvents(stamp("other", [{ type: "agent-delta", layer: 0, agent: 0, text: "X" }], 7));
    expect(selectAgent(0, 0)(store.getState())?.text).toBe("Hello");
  });

  it("reset(runId) empties the store so a replay can drive it", () => {
    const store = createRunStore({ scheduler: manualScheduler() });
    store.getState().applyEvents(finishedRun("run-1"));
    store.getState().reset("run-2");
    expect(store.getState().run.runId).toBe("run-2");
    expect(store.getState().run.agents).toEqual([]);
    expect(store.getState().phase).toBe("idle");
  });
});

describe("run store: conversation", () => {
  it("nextConversation adds the final answer as the assistant's turn", () => {
    expect(nextConversation([{ role: "user", content: "Q1" }], "A1", "Q2")).toEqual([
      { role: "user", content: "Q1" },
      { role: "assistant", content: "A1" },
      { role: "user", content: "Q2" },
    ]);
  });

  it("nextConversation drops an unanswered prompt so two user turns never follow each other", () => {
    expect(nextConversation([{ role: "user", content: "stopped" }], "", "again")).toEqual([{ role: "user", content: "again" }]);
    expect(nextConversation([], "", "first")).toEqual([{ role: "user", content: "first" }]);
  });

  it("a follow-up sends the same config, the previous answer and the new message", async () => {
    const { store, posted } = storeWithServer((id, body) => finishedRun(id, body.messages.at(-1)!.content));
    await store.getState().start({ config: CONFIG, prompt: "What is MoA?" });
    store.getState().flush();
    expect(store.getState().run.finalText).toBe("Final.");

    await store.getState().start({ config: CONFIG, prompt: "Shorter, please" });
    store.getState().flush();
    expect(posted).toHaveLength(2);
    expect(posted[1].config).toEqual(CONFIG);
    expect(posted[1].messages).toEqual([
      { role: "user", content: "What is MoA?" },
      { role: "assistant", content: "Final." },
      { role: "user", content: "Shorter, please" },
    ]);
    expect(posted[1].owner).toBe("owner-secret");
    expect(store.getState().run.runId).toBe("run-2");
    expect(store.getState().messages.at(-1)).toEqual({ role: "user", content: "Shorter, please" });
  });

  it("newConversation starts over", async () => {
    const { store, posted } = storeWithServer((id) => finishedRun(id));
    await store.getState().start({ config: CONFIG, prompt: "One" });
    store.getState().flush();
    store.getState().newConversation();
    await store.getState().start({ config: CONFIG, prompt: "Two" });
    expect(posted[1].messages).toEqual([{ role: "user", content: "Two" }]);
  });

  it("a rejected start shows the server's message and keeps the previous turn on screen", async () => {
    const { store } = storeWithServer((id) => finishedRun(id));
    await store.getState().start({ config: CONFIG, prompt: "One" });
    store.getState().flush();
    const failing = createRunStore({
      scheduler: manualScheduler(),
      ownerStorage: memoryOwner(),
      postRun: async () => {
        throw new RunClientError("rate_limited:runs", "Too many runs at once: wait a moment.", 429);
      },
    });
    await failing.getState().start({ config: CONFIG, prompt: "x" });
    expect(failing.getState().error).toBe("Too many runs at once: wait a moment.");
    expect(failing.getState().phase).toBe("idle");
    expect(store.getState().run.finalText).toBe("Final.");
  });
});

describe("run store: stop", () => {
  it("stop cancels the current run with its owner; cancelled agents show stopped", async () => {
    let release!: () => void;
    const frames = manualScheduler();
    const cancelled: { id: string; owner?: string }[] = [];
    const store = createRunStore({
      scheduler: frames,
      ownerStorage: memoryOwner(),
      postRun: async () => ({ id: "run-9", owner: "me" }),
      cancelRun: async (id, owner) => {
        cancelled.push({ id, owner });
        release();
      },
      streamRunEvents: async (id, options) => {
        options.onEvents(finishedRun(id).slice(0, 6));
        await new Promise<void>((r) => (release = r));
        options.onEvents(stamp(id, [{ type: "run-cancelled", reason: "Stopped by the user." }], 6));
        return { kind: "ended", lastSeq: 6 };
      },
    });
    const running = store.getState().start({ config: CONFIG, prompt: "long one" });
    await vi.waitFor(() => expect(store.getState().phase).toBe("streaming"));
    frames.tick();
    await store.getState().stop();
    await running;
    expect(cancelled).toEqual([{ id: "run-9", owner: "me" }]);
    const { run, phase } = store.getState();
    expect(run.status).toBe("cancelled");
    expect(phase).toBe("ended");
    expect(run.agents[0].map((a) => a.status)).toEqual(["stopped", "stopped"]);
  });
});

describe("run store: follow (every page that watches a run)", () => {
  it("from a snapshot, resumes after its last event and ends with the run", async () => {
    const events = finishedRun("run-5");
    const asked: (number | undefined)[] = [];
    const store = createRunStore({
      scheduler: manualScheduler(),
      ownerStorage: memoryOwner(),
      streamRunEvents: async (id, options) => {
        asked.push(options.afterSeq);
        options.onEvents(events.slice(8));
        return { kind: "ended", lastSeq: events.at(-1)!.seq };
      },
    });
    const snapshot = events.slice(0, 8).reduce(reduceRun, initialRunState("run-5"));
    const followed = store.getState().follow("run-5", { snapshot });
    expect(store.getState().phase).toBe("streaming");
    expect(store.getState().messages).toEqual([{ role: "user", content: "Hi" }]);
    const { events: received, error } = await followed;
    expect(asked).toEqual([7]);
    expect(received.map((e) => e.seq)).toEqual(events.slice(8).map((e) => e.seq));
    expect(error).toBeNull();
    expect(store.getState().run.finalText).toBe("Final.");
    expect(store.getState().phase).toBe("ended");
  });

  it("a finished snapshot is shown as it is, without a stream", async () => {
    const stream = vi.fn();
    const store = createRunStore({ scheduler: manualScheduler(), ownerStorage: memoryOwner(), streamRunEvents: stream });
    const snapshot = finishedRun("run-6").reduce(reduceRun, initialRunState("run-6"));
    await store.getState().follow("run-6", { snapshot });
    expect(stream).not.toHaveBeenCalled();
    expect(store.getState().phase).toBe("ended");
    expect(store.getState().run.finalText).toBe("Final.");
  });

  it("without a snapshot, streams from the first event and hands back every event for a replay", async () => {
    const events = finishedRun("run-7");
    const store = createRunStore({
      scheduler: manualScheduler(),
      ownerStorage: memoryOwner(),
      streamRunEvents: async (_id, options) => {
        expect(options.afterSeq).toBeUndefined();
        options.onEvents(events.slice(0, 5));
        options.onEvents(events.slice(5));
        return { kind: "ended", lastSeq: events.at(-1)!.seq };
      },
    });
    const { events: received } = await store.getState().follow("run-7");
    expect(received).toEqual(events);
    expect(store.getState().run.status).toBe("finished");
  });

  it("a lost stream ends the follow with a message to show", async () => {
    const store = createRunStore({
      scheduler: manualScheduler(),
      ownerStorage: memoryOwner(),
      streamRunEvents: async () => {
        throw new RunClientError("network", "Lost the connection to the run and could not get it back.", 0);
      },
    });
    const { error } = await store.getState().follow("run-8");
    expect(error).toBe("Lost the connection to the run and could not get it back.");
    expect(store.getState()).toMatchObject({ phase: "ended", error });
  });

  it("a new follow (or the caller's signal) ends the one before: its events no longer reach the store", async () => {
    const signals: AbortSignal[] = [];
    const store = createRunStore({
      scheduler: manualScheduler(),
      ownerStorage: memoryOwner(),
      streamRunEvents: (_id, options) => {
        signals.push(options.signal);
        return new Promise((resolve) => options.signal.addEventListener("abort", () => resolve({ kind: "aborted", lastSeq: -1 })));
      },
    });
    const first = store.getState().follow("run-a");
    const leave = new AbortController();
    const second = store.getState().follow("run-b", { signal: leave.signal });
    expect(signals[0].aborted).toBe(true);
    expect(await first).toEqual({ events: [], error: null });
    expect(store.getState().run.runId).toBe("run-b");
    leave.abort();
    expect(signals[1].aborted).toBe(true);
    await second;
  });
});
