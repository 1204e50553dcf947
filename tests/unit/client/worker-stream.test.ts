import { afterEach, describe, expect, it, vi } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import type { FromStreamWorker, ToStreamWorker } from "@/lib/client/stream-worker-protocol";
import { finishedRun } from "./fixtures";

/** A stand-in for the browser's Worker: records what the page posts, lets the test answer. */
class FakeWorker {
  static last: FakeWorker;
  posted: ToStreamWorker[] = [];
  onmessage: ((message: MessageEvent<FromStreamWorker>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: ToStreamWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: FromStreamWorker) {
    this.onmessage?.({ data } as MessageEvent<FromStreamWorker>);
  }
}

async function freshModule() {
  vi.resetModules();
  vi.stubGlobal("Worker", FakeWorker);
  return import("@/lib/client/worker-stream");
}

afterEach(() => vi.unstubAllGlobals());

describe("reading a run stream in a worker", () => {
  it("holds the follow until the worker listens, then hands its events to the page and ends with it", async () => {
    const { streamRunEventsOffThread } = await freshModule();
    const received: RunEvent[][] = [];
    const connection = vi.fn();
    const ended = streamRunEventsOffThread("run-1", { signal: new AbortController().signal, onEvents: (e) => received.push(e), onConnection: connection });
    const worker = FakeWorker.last;
    expect(worker.posted).toEqual([]);
    worker.answer({ kind: "ready" });
    expect(worker.posted).toEqual([{ kind: "follow", key: 1, id: "run-1", afterSeq: undefined }]);

    const events = finishedRun("run-1");
    worker.answer({ kind: "connection", key: 1, state: "open" });
    worker.answer({ kind: "events", key: 1, events: events.slice(0, 4) });
    worker.answer({ kind: "events", key: 2, events: events.slice(4) }); // another follow's: not ours
    worker.answer({ kind: "events", key: 1, events: events.slice(4) });
    worker.answer({ kind: "end", key: 1, end: { kind: "ended", lastSeq: 15 } });
    await expect(ended).resolves.toEqual({ kind: "ended", lastSeq: 15 });
    expect(received.flat()).toEqual(events);
    expect(connection).toHaveBeenCalledWith("open");
  });

  it("a failure keeps its code and safe message; leaving tells the worker to stop", async () => {
    const { streamRunEventsOffThread } = await freshModule();
    const failed = streamRunEventsOffThread("gone", { signal: new AbortController().signal, onEvents: () => undefined });
    const worker = FakeWorker.last;
    worker.answer({ kind: "ready" });
    worker.answer({ kind: "error", key: 1, error: { code: "not_found:run", message: "No run has this id.", status: 404 } });
    await expect(failed).rejects.toMatchObject({ name: "RunClientError", code: "not_found:run", status: 404 });

    const leave = new AbortController();
    const left = streamRunEventsOffThread("run-2", { afterSeq: 7, signal: leave.signal, onEvents: () => undefined });
    leave.abort();
    await expect(left).resolves.toMatchObject({ kind: "aborted" });
    expect(worker.posted.slice(-2)).toEqual([
      { kind: "follow", key: 2, id: "run-2", afterSeq: 7 },
      { kind: "abort", key: 2 },
    ]);
  });

  it("a worker that fails to load leaves the stream to the main thread", async () => {
    const { streamRunEventsOffThread } = await freshModule();
    const events = finishedRun("run-3");
    const body = events.map((e) => `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`).join("");
    vi.stubGlobal("fetch", async () => new Response(body, { headers: { "content-type": "text/event-stream" } }));
    const received: RunEvent[] = [];
    const ended = streamRunEventsOffThread("run-3", { signal: new AbortController().signal, onEvents: (e) => received.push(...e) });
    FakeWorker.last.onerror?.();
    await expect(ended).resolves.toEqual({ kind: "ended", lastSeq: events.at(-1)!.seq });
    expect(received).toEqual(events);
    expect(FakeWorker.last.terminated).toBe(true);
  });
});
