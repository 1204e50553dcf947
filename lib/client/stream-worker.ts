/// <reference lib="webworker" />
import { RunClientError, streamRunEvents } from "./run-client";
import type { FromStreamWorker, ToStreamWorker } from "./stream-worker-protocol";

/**
 * Reads run streams off the page's main thread: the network reads, SSE parsing, JSON and the
 * event schema's validation all happen here, and the page receives validated RunEvents in
 * batches, ready for the reducer. Retries and Last-Event-ID resumption are run-client's.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// The schema loads as the worker starts (the page starts it ahead of its first stream), so
// no stream waits for it.
void import("@/lib/moa/events").catch(() => undefined);
const follows = new Map<number, AbortController>();
const post = (message: FromStreamWorker) => scope.postMessage(message);

scope.onmessage = (message: MessageEvent<ToStreamWorker>) => {
  const request = message.data;
  if (request.kind === "abort") {
    follows.get(request.key)?.abort();
    follows.delete(request.key);
    return;
  }
  const { key, id, afterSeq } = request;
  const abort = new AbortController();
  follows.set(key, abort);
  streamRunEvents(id, {
    afterSeq,
    signal: abort.signal,
    onEvents: (events) => post({ kind: "events", key, events }),
    onConnection: (state) => post({ kind: "connection", key, state }),
  }).then(
    (end) => post({ kind: "end", key, end }),
    (error: unknown) =>
      post({ kind: "error", key, error: error instanceof RunClientError ? { code: error.code, message: error.message, status: error.status } : null }),
  ).finally(() => follows.delete(key));
};
post({ kind: "ready" });
