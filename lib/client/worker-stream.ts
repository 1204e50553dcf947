import { RunClientError, streamRunEvents, type StreamEnd, type StreamOptions } from "./run-client";
import type { FromStreamWorker, ToStreamWorker } from "./stream-worker-protocol";

/**
 * streamRunEvents with the reading done in a Web Worker (stream-worker.ts): the page's main
 * thread then only folds events and draws. One worker serves every follow of the page, started
 * on first use. Where there is no Worker (tests, old browsers) the stream is read in place.
 */
let worker: Worker | null | undefined;
let nextKey = 0;
const handlers = new Map<number, (message: FromStreamWorker) => void>();

function streamWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") return (worker = null);
  try {
    worker = new Worker(new URL("./stream-worker.ts", import.meta.url));
    worker.onmessage = (message: MessageEvent<FromStreamWorker>) => handlers.get(message.data.key)?.(message.data);
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker ahead of the first run, so its script is loaded by the time a stream opens. */
export function prepareStreamWorker(): void {
  streamWorker();
}

export function streamRunEventsOffThread(id: string, options: StreamOptions): Promise<StreamEnd> {
  const target = options.fetchImpl ? null : streamWorker();
  if (!target) return streamRunEvents(id, options);
  const { signal, onEvents, onConnection } = options;
  const key = (nextKey += 1);
  const send = (message: ToStreamWorker) => target.postMessage(message);
  return new Promise<StreamEnd>((resolve, reject) => {
    const done = () => {
      handlers.delete(key);
      signal.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      send({ kind: "abort", key });
      done();
      resolve({ kind: "aborted", lastSeq: -1 });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    handlers.set(key, (message) => {
      if (message.kind === "events") onEvents(message.events);
      else if (message.kind === "connection") onConnection?.(message.state);
      else if (message.kind === "end") {
        done();
        resolve(message.end);
      } else {
        done();
        const e = message.error;
        reject(e ? new RunClientError(e.code, e.message, e.status) : new Error("the run stream failed"));
      }
    });
    send({ kind: "follow", key, id, afterSeq: options.afterSeq });
  });
}
