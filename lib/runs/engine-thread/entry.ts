import "server-only";
/**
 * The engine thread's entry (bundled by scripts/build-engine-thread.mjs, started by host.ts).
 * Every run the process executes streams its agents here: provider calls, the AI SDK's stream
 * parsing, the simulated models and the engine's folding all run on this thread, so the
 * server's event loop is left to answer requests and serve viewers.
 */
import { parentPort } from "node:worker_threads";
import { createResolvers } from "@/lib/providers/registry";
import { runMoABatches } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import type { FromEngineThread, ThreadRunStart, ToEngineThread } from "./protocol";

if (!parentPort) throw new Error("engine-thread must run as a worker thread");
const port = parentPort;

interface ThreadRun {
  controller: AbortController;
  /** Step-through: resolves the wait of the layer the run is paused before. */
  release?: () => void;
}

const runs = new Map<string, ThreadRun>();

// Every run's batches of one turn go out in one message: thousands of token deltas a second
// would otherwise cost a message each.
let outbox: Array<[string, RunEvent[]]> = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (outbox.length === 0) return;
  const batches = outbox;
  outbox = [];
  send({ type: "batches", batches });
}

function send(message: FromEngineThread): void {
  port.postMessage(message);
}

/** A message about one run, sent after every batch of it already emitted. */
function sendInOrder(message: FromEngineThread): void {
  flush();
  send(message);
}

async function execute(start: ThreadRunStart, run: ThreadRun): Promise<void> {
  const resolvers = createResolvers({ keys: start.keys });
  const beforeLayer = (layer: number) =>
    new Promise<void>((resolve) => {
      run.release = resolve;
      // Before the layer-paused event: the host opens its gate first, so no continue can miss it.
      send({ type: "paused", runId: start.runId, layer });
    });
  const batches = runMoABatches(start.config, start.messages, {
    runId: start.runId,
    resolveModel: resolvers.languageModel,
    resolveEmbeddingModel: resolvers.embeddingModel,
    signal: run.controller.signal,
    ...start.timeouts,
    ...(start.stepThrough && { beforeLayer }),
  });
  for await (const batch of batches) {
    outbox.push([start.runId, batch]);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }
}

port.on("message", (message: ToEngineThread) => {
  switch (message.type) {
    case "start": {
      const { runId } = message.run;
      const run: ThreadRun = { controller: new AbortController() };
      runs.set(runId, run);
      execute(message.run, run)
        .then(
          () => sendInOrder({ type: "ended", runId }),
          (error: unknown) => sendInOrder({ type: "crashed", runId, message: error instanceof Error ? error.message : String(error) }),
        )
        .finally(() => runs.delete(runId));
      return;
    }
    case "cancel":
      runs.get(message.runId)?.controller.abort(message.reason);
      return;
    case "continue": {
      const run = runs.get(message.runId);
      const release = run?.release;
      if (run) run.release = undefined;
      release?.();
      return;
    }
  }
});
