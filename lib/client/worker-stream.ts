import { RunClientError, streamRunEvents, type StreamEnd, type StreamOptions } from "./run-client";
import type { FromStreamWorker, ToStreamWorker } from "./stream-worker-protocol";

/**
 * streamRunEvents with the reading done in a Web Worker (stream-worker.ts): the page's main
 * thread then only folds events and draws. One worker serves every follow of the page, started
 * on first use. Where there is no Worker (tests, old browsers), or it fails to load, the
 * stream is read in place.
 */
interface StreamWorker {
  send(message: ToStreamWorker): void;
}

interface Follow {
  onMessage(message: Exclude<FromStreamWorker, { kind: "ready" }>): void;
  /** The worker never came up: read this stream on the main thread instead. */
  inPlace(): void;
}

let worker: StreamWorker | null | undefined;
let nextKey = 0;
const follows = new Map<number, Follow>();

function streamWorker(): StreamWorker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === "undefined") return (worker = null);
  try {
    const thread = new Worker(new URL("./stream-worker.ts", import.meta.url));
    // The bundler's worker bootstrap loads the script asynchronously: hold messages until it listens.
    let waiting: ToStreamWorker[] | null = [];
    thread.onmessage = (message: MessageEvent<FromStreamWorker>) => {
      const data = message.data;
      if (data.kind !== "ready") return follows.get(data.key)?.onMessage(data);
      waiting?.forEach((m) => thread.postMessage(m));
      waiting = null;
    };
    thread.onerror = () => {
      if (!waiting) return;
      worker = null;
      thread.terminate();
      [...follows.values()].forEach((follow) => follow.inPlace());
    };
    worker = { send: (message) => (waiting ? waiting.push(message) : thread.postMessage(message)) };
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
  return new Promise<StreamEnd>((resolve, reject) => {
    const done = () => {
      follows.delete(key);
      signal.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      target.send({ kind: "abort", key });
      done();
      resolve({ kind: "aborted", lastSeq: -1 });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    follows.set(key, {
      onMessage(message) {
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
      },
      inPlace() {
        done();
        streamRunEvents(id, options).then(resolve, reject);
      },
    });
    target.send({ kind: "follow", key, id, afterSeq: options.afterSeq });
  });
}
