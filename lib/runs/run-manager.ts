import { AppError } from "@/lib/errors";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { createModelResolver } from "@/lib/providers/registry";
import { engineTimeoutsFromEnv } from "./engine-options";
import { createEventBuffer } from "./event-buffer";
import { hashOwnerSecret, isRunId, newOwnerSecret, newRunId } from "./ids";
import { LiveRun } from "./live-run";
import type { RunRequest } from "./run-request";
import type { RunStore } from "./run-store";
import { getRunStore } from "./store";

/** How long a finished run stays in memory for viewers that join late, before they read the store. */
const KEEP_FINISHED_MS = 60_000;

const globalForRuns = globalThis as typeof globalThis & { __moaLiveRuns?: Map<string, LiveRun> };
const liveRuns = (globalForRuns.__moaLiveRuns ??= new Map());

export interface StartedRun {
  id: string;
  owner: string;
}

/** Stores the run, starts it detached from the request, and answers at once. */
export async function startRun(request: RunRequest, options: { onEnd?: () => void } = {}): Promise<StartedRun> {
  const store = await getRunStore();
  const id = newRunId();
  const owner = request.owner ?? newOwnerSecret();
  await store.createRun({
    id,
    ownerSecretHash: hashOwnerSecret(owner),
    config: request.config,
    messages: request.messages,
    preset: request.preset,
    createdAt: new Date(),
  });
  const live = new LiveRun(id);
  liveRuns.set(id, live);
  void execute(live, request, store).finally(options.onEnd);
  return { id, owner };
}

async function execute(live: LiveRun, request: RunRequest, store: RunStore): Promise<void> {
  const buffer = createEventBuffer(store, live.id, {
    onError: (error) => console.error(`run ${live.id}: could not store events`, error),
  });
  const record = (event: RunEvent) => {
    live.publish(event);
    buffer.push(event);
  };
  try {
    // The keys live only in this closure: the resolver uses them, nothing stores them.
    const resolveModel = createModelResolver({ keys: request.keys });
    const events = runMoA(request.config, request.messages, {
      runId: live.id,
      resolveModel,
      signal: live.controller.signal,
      ...engineTimeoutsFromEnv(),
    });
    for await (const event of events) record(event);
  } catch (error) {
    console.error(`run ${live.id}: engine error`, error);
    if (!live.ended) {
      record({ type: "run-failed", runId: live.id, seq: live.events.length, t: live.state.t, message: "The run stopped because of an internal error." });
    }
  } finally {
    await buffer.close();
    await saveOutcome(store, live.state).catch((error) => console.error(`run ${live.id}: could not store outcome`, error));
    setTimeout(() => liveRuns.delete(live.id), KEEP_FINISHED_MS).unref?.();
  }
}

async function saveOutcome(store: RunStore, state: RunState): Promise<void> {
  const status = state.status === "pending" || state.status === "running" ? "failed" : state.status;
  await store.finishRun(state.runId, {
    status,
    finalText: state.finalText,
    usage: state.usage,
    durationMs: state.durationMs ?? state.t,
    error: state.error,
  });
}

function assertRunId(id: string): void {
  if (!isRunId(id)) throw new AppError("not_found:run", "No run has this id.");
}

/** The events of a run after `afterSeq`: live ones as they happen, or the stored ones. */
export async function openEventStream(id: string, afterSeq: number, signal: AbortSignal): Promise<AsyncIterable<RunEvent>> {
  assertRunId(id);
  const live = liveRuns.get(id);
  if (live) return live.subscribe(afterSeq, signal);
  const store = await getRunStore();
  if (!(await store.getRun(id))) throw new AppError("not_found:run", "No run has this id.");
  const stored = await store.getEvents(id, afterSeq);
  return (async function* () {
    yield* stored;
  })();
}

export async function getRunState(id: string): Promise<RunState> {
  assertRunId(id);
  const live = liveRuns.get(id);
  if (live) return live.state;
  const store = await getRunStore();
  if (!(await store.getRun(id))) throw new AppError("not_found:run", "No run has this id.");
  const events = await store.getEvents(id);
  return events.reduce(reduceRun, initialRunState(id));
}

/** Stops a run in progress and every upstream request it has open. */
export async function cancelRun(id: string): Promise<RunState> {
  assertRunId(id);
  const live = liveRuns.get(id);
  if (live && !live.ended) {
    live.controller.abort("cancelled by user");
    await live.waitForEnd(2_000);
    return live.state;
  }
  const state = await getRunState(id);
  throw new AppError("conflict:run_ended", `This run has already ended (${state.status}); there is nothing to cancel.`);
}
