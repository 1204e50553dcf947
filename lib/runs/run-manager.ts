import "server-only";
import { isClustered } from "@/lib/db/backend";
import { processGlobal } from "@/lib/process-global";
import { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/moa/events";
import { hasEnded, initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { hashOwnerSecret, newOwnerSecret } from "@/lib/security/owner";
import { createStepGate, type StepGate } from "@/lib/teach/step-gate";
import type { RunRequest } from "@/lib/wire/run-request";
import { engineTimeoutsFromEnv } from "./engine-options";
import { engineBatches } from "./engine-thread/host";
import { coalescingStore } from "./batch-writer";
import { createEventBuffer } from "./event-buffer";
import { announcingStore, CLUSTER_FLUSH_MS } from "./fanout/announce";
import { requestCancel, watchCancels } from "./fanout/cancel";
import { getMirror, peekMirror } from "./fanout/mirror";
import { registry } from "./process/registry";
import { assertAcceptingRuns } from "./process/shutdown";
import { nextStartTurn } from "./process/start-queue";
import { isRunId, newRunId } from "./ids";
import { keyScrubber } from "./key-scrubber";
import { retireFinished } from "./process/finished-runs";
import { LiveRun } from "./live-run";
import { runEndOf } from "./run-end";
import { configOfRequest } from "./ranker-variant";
import { createSeqReservation, INITIAL_SEQ_RESERVED } from "./seq-reservation";
import { afterCreated } from "./write-behind";
import type { RunStore } from "./run-store";
import { getRunStore } from "./store";

/** How long a cancel from another instance waits for the executing instance to stop the run. */
const REMOTE_CANCEL_WAIT_MS = 3_000;

const liveRuns = registry.liveRuns;

/** Step-through runs waiting for a teacher, in the process that runs them (kept across dev reloads). */
const stepGates = processGlobal("step-gates", () => new Map<string, StepGate>());

export interface StartedRun {
  id: string;
  owner: string;
}

/**
 * Stores the run, starts it detached from the request, and answers at once. A job's runs pass
 * `ownerSecretHash`: the server keeps only the hash of its owner's secret, never the secret.
 */
export async function startRun(sent: RunRequest, options: { onEnd?: () => void; ownerSecretHash?: string } = {}): Promise<StartedRun> {
  assertAcceptingRuns();
  const request: RunRequest = { ...sent, config: configOfRequest(sent) };
  const store = await getRunStore();
  // Cancels may come from any instance; the watcher must be up before the run can be seen.
  if (isClustered()) await watchCancels();
  const id = newRunId();
  const owner = request.owner ?? newOwnerSecret();
  const created = store.createRun({
    id,
    ownerSecretHash: options.ownerSecretHash ?? hashOwnerSecret(owner),
    config: request.config,
    messages: request.messages,
    preset: request.preset,
    createdAt: new Date(),
    seqReserved: INITIAL_SEQ_RESERVED,
  });
  // Other instances learn of the run from the table, so there the row comes first. In one process
  // the run is served from memory until its row lands, and its writes wait for it (see write-behind.ts).
  if (isClustered()) await created;
  // A row that cannot be stored fails the run in `execute`, which may start a turn after the
  // insert has failed: until then the rejection must not count as unhandled.
  created.catch(() => {});
  const live = new LiveRun(id);
  liveRuns.set(id, live);
  const execution = nextStartTurn().then(() => execute(live, request, store, created)).finally(() => {
    registry.executions.delete(id);
    registry.interrupting.delete(id);
    options.onEnd?.();
  });
  registry.executions.set(id, execution);
  return { id, owner };
}

/**
 * Resolves once a run this process executes has stored its outcome (at once for any other run).
 * Viewers see the terminal event before the outcome row is written; a job that records the run
 * as its result waits for the row, or a crash in between would leave it looking interrupted.
 */
export function runStored(id: string): Promise<void> {
  return registry.executions.get(id) ?? Promise.resolve();
}

async function execute(live: LiveRun, request: RunRequest, processStore: RunStore, created: Promise<void>): Promise<void> {
  const store = afterCreated(processStore, created);
  let unstorable = false;
  created.catch((error) => {
    console.error(`run ${live.id}: could not be stored`, error);
    unstorable = true;
    live.controller.abort("the run could not be stored");
  });
  // Other instances' viewers read the table, so flush often and announce each batch.
  const clustered = isClustered();
  const buffer = createEventBuffer(afterCreated(clustered ? announcingStore(processStore) : coalescingStore(processStore), created), live.id, {
    ...(clustered && { flushIntervalMs: CLUSTER_FLUSH_MS }),
    onError: (error) => console.error(`run ${live.id}: could not store events`, error),
  });
  const reservation = createSeqReservation(store, live.id, { reserved: INITIAL_SEQ_RESERVED, stored: created });
  // Upstream errors can repeat the run's key; it is cut out before anyone sees or stores an event.
  const withoutKeys = keyScrubber(request.keys);
  const relabel = (engineEvent: RunEvent): RunEvent => {
    const event = withoutKeys(engineEvent);
    // A run stopped by shutdown did not stop by anyone's choice: record it as interrupted.
    if (event.type !== "run-cancelled") return event;
    if (registry.interrupting.has(live.id)) return { ...event, type: "run-interrupted" };
    if (unstorable) return { type: "run-failed", runId: event.runId, seq: event.seq, t: event.t, message: "The run could not be stored, so it was stopped." };
    return event;
  };
  // A batch at a time (what the engine emitted in one turn of the event loop): one reservation
  // check, one fold and one wake-up of the viewers for all of it.
  const record = async (engineEvents: RunEvent[]) => {
    if (engineEvents.length === 0) return;
    const events = engineEvents.map(relabel);
    // No viewer may hold a seq that a crash could give to another event (see seq-reservation.ts).
    const waiting = reservation.cover(events[events.length - 1].seq);
    if (waiting) await waiting;
    live.publishAll(events);
    for (const event of events) buffer.push(event);
  };
  try {
    const gate = request.stepThrough ? createStepGate() : undefined;
    if (gate) stepGates.set(live.id, gate);
    const batches = engineBatches({
      runId: live.id,
      config: request.config,
      messages: request.messages,
      keys: request.keys,
      signal: live.controller.signal,
      timeouts: engineTimeoutsFromEnv(),
      ...(gate && { beforeLayer: (layer: number) => gate.wait(layer) }),
    });
    for await (const batch of batches) await record(batch);
  } catch (error) {
    console.error(`run ${live.id}: engine error`, error);
    if (!live.ended) {
      const message = unstorable ? "The run could not be stored, so it was stopped." : "The run stopped because of an internal error.";
      const failed: RunEvent = { type: "run-failed", runId: live.id, seq: live.lastSeq + 1, t: live.state.t, message };
      // A store that refuses the reservation will not take the event either; viewers still learn the run ended.
      await record([failed]).catch(() => {
        live.publish(failed);
        buffer.push(failed);
      });
    }
  } finally {
    stepGates.delete(live.id);
    await buffer.close();
    await saveOutcome(store, live.state).catch((error) => console.error(`run ${live.id}: could not store outcome`, error));
    retireFinished(liveRuns, live.id);
  }
}

async function saveOutcome(store: RunStore, state: RunState): Promise<void> {
  // This process folded every event already: the store need not read the run back to summarize it.
  await store.finishRun(state.runId, runEndOf(state));
}

const runNotFound = () => new AppError("not_found:run", "No run has this id.");

function assertRunId(id: string): void {
  if (!isRunId(id)) throw runNotFound();
}

/** A run's state folded from what the store holds. */
async function storedState(store: RunStore, id: string): Promise<RunState> {
  const events = await store.getEvents(id);
  return events.reduce(reduceRun, initialRunState(id));
}

/** The events of a run after `afterSeq`: live ones as they happen, or the stored ones. */
export async function openEventStream(id: string, afterSeq: number, signal: AbortSignal): Promise<AsyncIterable<RunEvent>> {
  assertRunId(id);
  const live = liveRuns.get(id);
  if (live) return live.subscribe(afterSeq, signal);
  const store = await getRunStore();
  const run = await store.getRun(id);
  if (!run) throw runNotFound();
  // Executing on another instance: follow it through this instance's mirror of it.
  if (isClustered() && !hasEnded(run.status)) return (await getMirror(id)).subscribe(afterSeq, signal);
  const stored = await store.getEvents(id, afterSeq);
  return (async function* () {
    yield* stored;
  })();
}

export async function getRunState(id: string): Promise<RunState> {
  assertRunId(id);
  const live = liveRuns.get(id) ?? peekMirror(id)?.run;
  if (live) return live.state;
  const store = await getRunStore();
  if (!(await store.getRun(id))) throw runNotFound();
  return storedState(store, id);
}

/** Stops a run in progress and every upstream request it has open. */
export async function stopRun(id: string): Promise<RunState> {
  assertRunId(id);
  const live = liveRuns.get(id);
  if (live && !live.ended) {
    live.controller.abort("cancelled by user");
    await live.waitForEnd(2_000);
    return live.state;
  }
  if (!live && isClustered() && (await requestCancel(id))) return waitForRemoteEnd(id);
  const state = await getRunState(id);
  throw new AppError("conflict:run_ended", `This run has already ended (${state.status}); there is nothing to cancel.`);
}

/** Step-through: lets the paused run start its next layer. */
export async function continueRun(id: string): Promise<{ layer: number }> {
  assertRunId(id);
  const gate = stepGates.get(id);
  const live = liveRuns.get(id);
  if (!gate || !live || live.ended) {
    if (!live && !(await (await getRunStore()).getRun(id))) throw runNotFound();
    throw new AppError("conflict:run_not_paused", "This run is not paused: it is not stepping through, or it has ended.");
  }
  const layer = gate.release();
  if (layer === undefined) throw new AppError("conflict:run_not_paused", "This run is not paused: the current layer is still running.");
  return { layer };
}

/** The executing instance stores the run's end once it has stopped it; wait for that. */
async function waitForRemoteEnd(id: string): Promise<RunState> {
  const store = await getRunStore();
  const deadline = Date.now() + REMOTE_CANCEL_WAIT_MS;
  while (Date.now() < deadline) {
    const run = await store.getRun(id);
    if (!run || hasEnded(run.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return storedState(store, id);
}
