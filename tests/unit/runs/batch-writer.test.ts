import { describe, expect, test } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { coalescingStore } from "@/lib/runs/batch-writer";
import { createMemoryRunStore } from "@/lib/runs/memory-run-store";
import type { RunStore } from "@/lib/runs/run-store";

const delta = (runId: string, seq: number): RunEvent => ({ type: "agent-delta", runId, seq, t: seq, layer: 0, agent: 0, text: "w " });

function countingStore() {
  const base = createMemoryRunStore();
  const calls = { grouped: 0, single: 0 };
  const store: RunStore = {
    ...base,
    async appendEventBatches(batches) {
      calls.grouped += 1;
      return base.appendEventBatches(batches);
    },
    async appendEvents(runId, events) {
      calls.single += 1;
      return base.appendEvents(runId, events);
    },
  };
  return { store, calls };
}

async function createRuns(store: RunStore, ids: string[]) {
  for (const id of ids) await store.createRun({ id, ownerSecretHash: "h", config: { layers: [{ agents: [{ model: "sim:falcon" }] }] }, messages: [], createdAt: new Date() });
}

describe("coalescing store", () => {
  test("batches of many runs flushed together are written in one call", async () => {
    const { store, calls } = countingStore();
    const ids = Array.from({ length: 50 }, (_, i) => `run-${i}`);
    await createRuns(store, ids);
    const writer = coalescingStore(store);
    expect(coalescingStore(store)).toBe(writer);
    await Promise.all(ids.map((id) => writer.appendEvents(id, [delta(id, 0), delta(id, 1)])));
    expect(calls).toEqual({ grouped: 1, single: 0 });
    for (const id of ids) expect((await store.getEvents(id)).map((e) => e.seq)).toEqual([0, 1]);
  });

  test("one run's bad batch fails only that run's write", async () => {
    const { store } = countingStore();
    await createRuns(store, ["good-1", "good-2"]);
    const writer = coalescingStore(store);
    const results = await Promise.allSettled(
      ["good-1", "deleted", "good-2"].map((id) => writer.appendEvents(id, [delta(id, 0)])),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await store.getEvents("good-2")).toHaveLength(1);
  });
});
