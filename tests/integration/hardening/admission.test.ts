/**
 * Starting a run costs no database round trip: POST /api/runs answers while the run's row is
 * still waiting its turn (with PGlite, behind the event batches of every run already going),
 * the run streams from memory, and its writes follow the row. A row that cannot be stored stops the run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { forgetProcessStores, setProcessStore } from "@/lib/db/process-store";
import type { RunEvent } from "@/lib/moa/events";
import { createMemoryRunStore } from "@/lib/runs/memory-run-store";
import type { RunStore } from "@/lib/runs/run-store";


/** A memory store whose createRun waits for the test; every call is logged in order. */
function gatedStore() {
  const base = createMemoryRunStore();
  const calls: string[] = [];
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const gate = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const store: RunStore = {
    ...base,
    async createRun(run) {
      await gate;
      await base.createRun(run);
      calls.push("createRun");
    },
    async appendEvents(runId, events) {
      calls.push("appendEvents");
      return base.appendEvents(runId, events);
    },
    async reserveSeqs(runId, throughSeq) {
      calls.push("reserveSeqs");
      return base.reserveSeqs(runId, throughSeq);
    },
    async finishRun(runId, end) {
      calls.push("finishRun");
      return base.finishRun(runId, end);
    },
  };
  return { store, calls, release: () => settle.resolve(), fail: (error: Error) => settle.reject(error) };
}

const CONFIG = { layers: [{ agents: [{ model: "sim:falcon?ttft=0&tps=5000&tokens=40" }, { model: "sim:heron?ttft=0&tps=5000&tokens=40" }] }, { agents: [{ model: "sim:owl?ttft=0&tps=5000&tokens=40" }] }] };

/** The process's run store becomes `store`. */
async function installStore(store: RunStore): Promise<void> {
  setProcessStore("runs", store);
}

async function startWith(store: RunStore) {
  await installStore(store);
  const { startRun, openEventStream, getRunState } = await import("@/lib/runs/run-manager");
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const { id } = await startRun({ config: CONFIG, messages: [{ role: "user", content: "Why is the sea salty?" }] }, { onEnd: () => ended() });
  const readAll = async () => {
    const events: RunEvent[] = [];
    for await (const event of await openEventStream(id, -1, new AbortController().signal)) events.push(event);
    return events;
  };
  return { id, end, readAll, state: () => getRunState(id) };
}

beforeAll(() => {
  vi.stubEnv("MOA_STORE", "memory");
  vi.stubEnv("DATABASE_URL", "");
});
afterEach(() => forgetProcessStores());
afterAll(() => vi.unstubAllEnvs());

describe("starting a run", () => {
  it("answers before the run's row is stored, sends no event until it is, and every write follows the row", async () => {
    const gated = gatedStore();
    // startRun resolving at all, with the row held back, is the point: it waits for no write.
    const { id, end, readAll, state } = await startWith(gated.store);
    // The engine is running meanwhile, but no viewer may hold an event of a run the store could still lose.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await state()).lastSeq).toBe(-1);
    expect(gated.calls).toEqual([]);

    gated.release();
    const events = await readAll();
    expect(events.at(-1)?.type).toBe("run-finished");
    await end;
    expect(gated.calls[0]).toBe("createRun");
    expect(gated.calls.at(-1)).toBe("finishRun");
    expect(await gated.store.getEvents(id)).toEqual(events);
    expect((await gated.store.getRun(id))?.status).toBe("finished");
    // The executing process hands over the agents' outcome; the store need not read the run back.
    expect(await gated.store.getAgentSummaries(id)).toHaveLength(3);
  });

  it("stops the run, as failed, when its row cannot be stored", async () => {
    const gated = gatedStore();
    const { id, end, readAll } = await startWith(gated.store);
    gated.fail(new Error("disk full"));
    const events = await readAll();
    await end;
    expect(events).toEqual([expect.objectContaining({ type: "run-failed", message: "The run could not be stored, so it was stopped." })]);
    expect(await gated.store.getRun(id)).toBeNull();
  });
});
