import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { SHARE_ENV, Worker } from "node:worker_threads";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { runMoABatches } from "@/lib/moa/engine";
import { createEventChannel, type EventChannel } from "@/lib/moa/event-channel";
import type { RunEvent } from "@/lib/moa/events";
import { processGlobal } from "@/lib/process-global";
import { createResolvers } from "@/lib/providers/registry";
import type { RunKeys } from "@/lib/wire/keys";
import type { FromEngineThread, ThreadRunStart, ToEngineThread } from "./protocol";

/** One run as the run manager hands it to the engine. */
export interface EngineRun {
  runId: string;
  config: MoAConfig;
  messages: ChatMessage[];
  keys?: RunKeys;
  timeouts: ThreadRunStart["timeouts"];
  /** Aborting it cancels the run; the engine then ends it with run-cancelled. */
  signal: AbortSignal;
  /** Step-through: resolves when the teacher lets `layer` start. */
  beforeLayer?: (layer: number) => Promise<void>;
}

/**
 * Where a process's runs execute: on the event loop, or with MOA_ENGINE_THREAD=1 under `next start`
 * (of a build made by `npm run build`) on one engine thread beside it, so that streaming tokens
 * leaves the loop to requests and viewers. Off by default: on a 2-core machine, already running
 * PGlite on a thread, three busy threads share two cores, and POST /api/runs under 100 starting
 * runs measured no better with it (bench/admission.ts reports both placements in one run).
 */
export function engineBatches(run: EngineRun, threadFile = engineThreadFile()): AsyncIterable<RunEvent[]> {
  return threadFile ? threadBatches(threadFile, run) : inProcessBatches(run);
}

/** The bundled thread, when this process was asked to use it. */
function engineThreadFile(): string | undefined {
  if (process.env.MOA_ENGINE_THREAD !== "1") return undefined;
  // Development reloads sources; a bundle from the last build would run stale code.
  if (process.env.NODE_ENV !== "production") {
    warnOnce("MOA_ENGINE_THREAD=1 applies to `next start` only: runs execute on the event loop.");
    return undefined;
  }
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "engine-thread", "engine-thread.mjs");
  if (existsSync(file)) return file;
  warnOnce(`the engine thread is not built (${file}): runs execute on the event loop. \`npm run build\` builds it.`);
  return undefined;
}

let warned = false;
function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  console.warn(message);
}

function inProcessBatches(run: EngineRun): AsyncIterable<RunEvent[]> {
  // The keys live only in this closure: the resolver uses them, nothing stores them.
  const resolvers = createResolvers({ keys: run.keys });
  return runMoABatches(run.config, run.messages, {
    runId: run.runId,
    resolveModel: resolvers.languageModel,
    resolveEmbeddingModel: resolvers.embeddingModel,
    signal: run.signal,
    ...run.timeouts,
    ...(run.beforeLayer && { beforeLayer: run.beforeLayer }),
  });
}

/** A run on the thread, as its host sees it. */
interface HostedRun {
  events: EventChannel<RunEvent>;
  beforeLayer?: (layer: number) => Promise<void>;
  /** Set when the engine threw or the thread died: the consumer throws it after the last batch. */
  failure?: Error;
}

interface EngineThread {
  worker: Worker;
  runs: Map<string, HostedRun>;
  post(message: ToEngineThread): void;
}

/** One thread per process and bundle (kept across dev reloads), started with the first run. */
const threads = processGlobal("engine-threads", () => new Map<string, EngineThread>());

function engineThread(file: string): EngineThread {
  const running = threads.get(file);
  if (running) return running;
  // SHARE_ENV: provider settings read from the environment stay those of the process.
  const worker = new Worker(/*turbopackIgnore: true*/ file, { env: SHARE_ENV });
  console.info(`runs execute on the engine thread (${file})`);
  const runs = new Map<string, HostedRun>();
  const thread: EngineThread = { worker, runs, post: (message) => worker.postMessage(message) };
  worker.on("message", (message: FromEngineThread) => {
    if (message.type === "batches") {
      for (const [runId, events] of message.batches) {
        const run = runs.get(runId);
        if (run) for (const event of events) run.events.push(event);
      }
      return;
    }
    const run = runs.get(message.runId);
    if (!run) return;
    switch (message.type) {
      case "paused":
        // The gate waits before the layer-paused event reaches anyone, so no continue can miss it.
        void run.beforeLayer?.(message.layer).then(() => thread.post({ type: "continue", runId: message.runId }));
        return;
      case "crashed":
        run.failure = new Error(`the engine thread failed this run: ${message.message}`);
        run.events.close();
        return;
      case "ended":
        run.events.close();
        return;
    }
  });
  const die = (error: Error) => {
    if (threads.get(file) === thread) threads.delete(file);
    for (const run of runs.values()) {
      run.failure ??= error;
      run.events.close();
    }
    runs.clear();
  };
  worker.on("error", (error) => {
    console.error("the engine thread failed", error);
    die(error);
  });
  worker.on("exit", (code) => die(new Error(`the engine thread exited (code ${code})`)));
  // An idle thread must not keep a finished process alive; a run in flight must.
  worker.unref();
  threads.set(file, thread);
  return thread;
}

async function* threadBatches(file: string, run: EngineRun): AsyncGenerator<RunEvent[], void, undefined> {
  const thread = engineThread(file);
  const hosted: HostedRun = { events: createEventChannel<RunEvent>(), beforeLayer: run.beforeLayer };
  const { runId } = run;
  thread.runs.set(runId, hosted);
  if (thread.runs.size === 1) thread.worker.ref();
  const cancel = () => thread.post({ type: "cancel", runId, reason: cloneableReason(run.signal.reason) });
  run.signal.addEventListener("abort", cancel, { once: true });
  try {
    thread.post({
      type: "start",
      run: { runId, config: run.config, messages: run.messages, keys: run.keys, stepThrough: Boolean(run.beforeLayer), timeouts: run.timeouts },
    });
    if (run.signal.aborted) cancel();
    yield* hosted.events.batches();
    if (hosted.failure) throw hosted.failure;
  } finally {
    run.signal.removeEventListener("abort", cancel);
    // A consumer that stops reading early stops the run, as it would in process.
    if (!hosted.events.closed) thread.post({ type: "cancel", runId, reason: "the consumer stopped reading" });
    thread.runs.delete(runId);
    if (thread.runs.size === 0) thread.worker.unref();
  }
}

/** The engine reads a string reason as the words a viewer sees; anything else crosses as text. */
function cloneableReason(reason: unknown): unknown {
  return typeof reason === "string" || reason === undefined ? reason : String(reason);
}
