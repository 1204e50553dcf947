import { describe, expect, it } from "vitest";
import { RunClientError, cancelRun, continueRun, postRun, streamRunEvents } from "@/lib/client/run-client";
import type { RunEvent } from "@/lib/moa/events";
import { finishedRun } from "./fixtures";

function sse(events: RunEvent[], extra = ""): string {
  return events.map((e) => `id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`).join("") + extra;
}

/** A streamed body that delivers `text` in small chunks, cutting messages in half. */
function body(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + 37));
      offset += 37;
    },
  });
}

type Call = { url: string; lastEventId: string | null };

function fakeFetch(responses: (() => Response)[], calls: Call[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input), lastEventId: headers.get("last-event-id") });
    const next = responses.shift();
    if (!next) throw new TypeError("network down");
    return next();
  }) as typeof fetch;
}

describe("streamRunEvents", () => {
  it("delivers every event once, in order, and ends at the terminal event", async () => {
    const events = finishedRun("r1");
    const calls: Call[] = [];
    const received: RunEvent[] = [];
    const end = await streamRunEvents("r1", {
      signal: new AbortController().signal,
      onEvents: (batch) => received.push(...batch),
      fetchImpl: fakeFetch([() => new Response(body(sse(events)))], calls),
    });
    expect(received.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    expect(end).toEqual({ kind: "ended", lastSeq: events.length - 1 });
    expect(calls).toEqual([{ url: "/api/runs/r1/events", lastEventId: null }]);
  });

  it("reconnects after a drop with Last-Event-ID and does not repeat events", async () => {
    const events = finishedRun("r1");
    const calls: Call[] = [];
    const received: RunEvent[] = [];
    const states: string[] = [];
    await streamRunEvents("r1", {
      signal: new AbortController().signal,
      onEvents: (batch) => received.push(...batch),
      onConnection: (s) => states.push(s),
      retryDelayMs: () => 0,
      fetchImpl: fakeFetch(
        [
          () => new Response(body(sse(events.slice(0, 5)))), // connection drops after seq 4
          () => new Response(body(sse(events.slice(3)))), // server resends from 3: overlap must be ignored
        ],
        calls,
      ),
    });
    expect(calls.map((c) => c.lastEventId)).toEqual([null, "4"]);
    expect(received.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    expect(states).toEqual(["open", "reconnecting", "open"]);
  });

  it("skips malformed messages instead of failing the run", async () => {
    const events = finishedRun("r1");
    const received: RunEvent[] = [];
    const garbage = `data: not json\n\ndata: {"type":"agent-delta"}\n\n`;
    await streamRunEvents("r1", {
      signal: new AbortController().signal,
      onEvents: (batch) => received.push(...batch),
      fetchImpl: fakeFetch([() => new Response(body(garbage + sse(events)))], []),
    });
    expect(received).toHaveLength(events.length);
  });

  it("gives up on a 404 with the server's message", async () => {
    const notFound = () => Response.json({ error: { code: "not_found:run", message: "No such run." } }, { status: 404 });
    await expect(
      streamRunEvents("nope", { signal: new AbortController().signal, onEvents: () => undefined, fetchImpl: fakeFetch([notFound], []) }),
    ).rejects.toThrowError("No such run.");
  });

  it("ends, without retrying, when the server answers 204 (this viewer already has the terminal event)", async () => {
    const calls: Call[] = [];
    const received: RunEvent[] = [];
    const end = await streamRunEvents("r1", {
      afterSeq: 7,
      signal: new AbortController().signal,
      onEvents: (batch) => received.push(...batch),
      retryDelayMs: () => 0,
      fetchImpl: fakeFetch([() => new Response(null, { status: 204 }), () => new Response(null, { status: 204 })], calls),
    });
    expect(end).toEqual({ kind: "ended", lastSeq: 7 });
    expect(received).toEqual([]);
    expect(calls).toEqual([{ url: "/api/runs/r1/events", lastEventId: "7" }]);
  });

  it("stops retrying after maxRetries when the network stays down", async () => {
    const calls: Call[] = [];
    const result = streamRunEvents("r1", {
      signal: new AbortController().signal,
      onEvents: () => undefined,
      maxRetries: 2,
      retryDelayMs: () => 0,
      fetchImpl: fakeFetch([], calls),
    });
    await expect(result).rejects.toBeInstanceOf(RunClientError);
    expect(calls).toHaveLength(3);
  });
});

describe("postRun", () => {
  it("surfaces the API error message and code", async () => {
    const fetchImpl = (async () =>
      Response.json({ error: { code: "bad_request:config", message: "the last layer must have exactly one agent" } }, { status: 400 })) as typeof fetch;
    const error = await postRun({ config: { layers: [] }, messages: [] }, fetchImpl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunClientError);
    expect((error as RunClientError).message).toBe("the last layer must have exactly one agent");
    expect((error as RunClientError).status).toBe(400);
  });
});

describe("owner-only calls", () => {
  it("cancel and continue send the owner secret in x-moa-owner, never in the URL", async () => {
    const seen: Array<{ url: string; owner: string | null }> = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), owner: new Headers(init?.headers).get("x-moa-owner") });
      return Response.json({ status: "cancelled", layer: 1 });
    }) as typeof fetch;
    const owner = "o".repeat(43);
    await cancelRun("r1", owner, fetchImpl);
    await continueRun("r1", owner, fetchImpl);
    expect(seen).toEqual([
      { url: "/api/runs/r1/cancel", owner },
      { url: "/api/runs/r1/continue", owner },
    ]);
  });
});
