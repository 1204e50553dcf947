import { createParser } from "eventsource-parser";
import type { RunEvent } from "@/lib/moa/events";
import type { RunState } from "@/lib/moa/run-state";
import type { StartRunBody } from "@/lib/wire/run-request";
import { ownerHeaders, readOwner } from "./owner";

/** The browser side of the runs API: start, stream (SSE with resume), cancel, read. */

export class RunClientError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "RunClientError";
    this.code = code;
    this.status = status;
  }
}

type FetchLike = typeof fetch;

/**
 * The event schema, and zod with it, loads with the first run rather than with the page:
 * a share link to a finished run never needs it.
 */
const loadEventSchema = () => import("@/lib/moa/events");

/** The error an API answer that is not ok carries, as a RunClientError with its code and safe message. */
export async function failure(response: Response): Promise<RunClientError> {
  let code = "internal";
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body?.error?.message === "string") message = body.error.message;
    if (typeof body?.error?.code === "string") code = body.error.code;
  } catch {
    // not JSON: keep the generic message
  }
  return new RunClientError(code, message, response.status);
}

export async function postRun(body: StartRunBody, fetchImpl: FetchLike = fetch): Promise<{ id: string; owner: string }> {
  void loadEventSchema().catch(() => undefined); // ready by the time the run's stream opens
  const response = await fetchImpl("/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { id: string; owner: string };
}

/** Stops a run; the server answers 403 unless `owner` is the secret the run was started with. */
export async function cancelRun(id: string, owner?: string, fetchImpl: FetchLike = fetch): Promise<void> {
  const response = await fetchImpl(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: "POST", headers: ownerHeaders(owner) });
  if (!response.ok) throw await failure(response);
}

/** Step-through runs: starts the layer the run is paused before (owner only, as cancel). */
export async function continueRun(id: string, owner?: string, fetchImpl: FetchLike = fetch): Promise<{ layer: number }> {
  const response = await fetchImpl(`/api/runs/${encodeURIComponent(id)}/continue`, { method: "POST", headers: ownerHeaders(owner) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { layer: number };
}

/** What this browser may do with a run: change it (it holds the owner secret) or only read it. */
export type RunAccess = "owner" | "read";

/** The run's state, and this browser's access to it (it sends its owner secret, if it has one). */
export async function fetchRunView(id: string, fetchImpl: FetchLike = fetch): Promise<{ run: RunState; access: RunAccess }> {
  const response = await fetchImpl(`/api/runs/${encodeURIComponent(id)}`, { headers: ownerHeaders(readOwner()) });
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as { run: RunState; access?: RunAccess };
  return { run: body.run, access: body.access === "owner" ? "owner" : "read" };
}

export async function fetchRun(id: string, fetchImpl: FetchLike = fetch): Promise<RunState> {
  return (await fetchRunView(id, fetchImpl)).run;
}

export interface StreamOptions {
  /** Resume after this sequence number (sent as Last-Event-ID). */
  afterSeq?: number;
  signal: AbortSignal;
  onEvents(events: RunEvent[]): void;
  /** Told when the connection drops and a retry is scheduled, and when it is back. */
  onConnection?(state: "open" | "reconnecting"): void;
  maxRetries?: number;
  /** Delay before retry n (0-based); injectable so tests do not sleep. */
  retryDelayMs?(attempt: number): number;
  fetchImpl?: FetchLike;
}

export type StreamEnd = { kind: "ended"; lastSeq: number } | { kind: "aborted"; lastSeq: number };

const defaultDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 8_000);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * Streams a run's events until the terminal one. A dropped connection is retried with
 * `Last-Event-ID`, so nothing is lost or doubled (the reducer also ignores old seqs).
 * Malformed messages are skipped rather than ending the stream.
 */
export async function streamRunEvents(id: string, options: StreamOptions): Promise<StreamEnd> {
  const { signal, onEvents, onConnection, maxRetries = 8, retryDelayMs = defaultDelay, fetchImpl = fetch } = options;
  let lastSeq = options.afterSeq ?? -1;
  let attempt = 0;
  let done = false;
  const { isTerminal, parseRunEvent } = await loadEventSchema();

  const parser = createParser({
    onEvent(message) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = parseRunEvent(parsed);
      if (event) batch.push(event);
    },
  });
  let batch: RunEvent[] = [];

  while (!signal.aborted) {
    try {
      const headers: Record<string, string> = { accept: "text/event-stream" };
      if (lastSeq >= 0) headers["last-event-id"] = String(lastSeq);
      const response = await fetchImpl(`/api/runs/${encodeURIComponent(id)}/events`, { headers, signal, cache: "no-store" });
      // 204: this viewer already has the terminal event; there is nothing more to wait for.
      if (response.status === 204) return { kind: "ended", lastSeq };
      // 4xx will not get better by retrying: the run does not exist or is not ours to see.
      if (response.status >= 400 && response.status < 500) throw await failure(response);
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      onConnection?.("open");
      parser.reset();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done: streamDone } = await reader.read();
        if (streamDone) break;
        parser.feed(value);
        if (batch.length === 0) continue;
        const fresh = batch.filter((e) => e.seq > lastSeq);
        batch = [];
        if (fresh.length === 0) continue;
        attempt = 0; // data is flowing again: a later drop starts its backoff afresh
        lastSeq = fresh[fresh.length - 1].seq;
        onEvents(fresh);
        if (fresh.some(isTerminal)) {
          done = true;
          await reader.cancel().catch(() => undefined);
          break;
        }
      }
      if (done) return { kind: "ended", lastSeq };
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof RunClientError) throw error;
    }
    if (attempt >= maxRetries) {
      throw new RunClientError("network", "Lost the connection to the run and could not get it back.", 0);
    }
    onConnection?.("reconnecting");
    await sleep(retryDelayMs(attempt), signal);
    attempt += 1;
  }
  return { kind: "aborted", lastSeq };
}
