import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createDbRunStore, type DbRunStore } from "@/lib/runs/db-run-store";
import { runEventBatches } from "@/lib/db/schema";
import { createMemoryRunStore } from "@/lib/runs/memory-run-store";
import { describeEachBackend } from "./backends";
import { completeRunBodies, config3x6, newRun, stamp } from "./fixtures";
import { runStoreContract } from "./store-contract";

describeEachBackend("db run store", (backend) => {
  let handle: DbHandle;
  let dispose: () => Promise<void>;
  let store: DbRunStore;

  beforeAll(async () => {
    ({ handle, dispose } = await backend.open());
    store = createDbRunStore(handle.db, { instanceId: "test-instance" });
  });
  afterAll(() => dispose?.());

  runStoreContract({
    async fresh() {
      await handle.db.execute(sql`truncate runs cascade`);
      return store;
    },
    async batchRows(runId) {
      const result = await handle.db.execute(sql`select count(*)::int as n from run_event_batches where run_id = ${runId}`);
      return Number((result.rows[0] as { n: number }).n);
    },
  });

  test("deltas are stored coalesced, one entry per agent and flush, and read back one by one", async () => {
    const run = newRun({ config: config3x6() });
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 20));
    await store.appendEvents(run.id, events);
    const result = await handle.db.execute(sql`
      select count(*) filter (where e->>'type' = 'agent-delta')::int as plain,
             count(*) filter (where e->>'type' = 'agent-deltas')::int as packed
      from run_event_batches, jsonb_array_elements(events) e where run_id = ${run.id}`);
    const { plain, packed } = result.rows[0] as { plain: number; packed: number };
    expect(events.filter((e) => e.type === "agent-delta")).toHaveLength(13 * 20);
    expect({ plain: Number(plain), packed: Number(packed) }).toEqual({ plain: 0, packed: 13 });
    expect(await store.getEvents(run.id)).toEqual(events);
  });

  test("rows written before deltas were coalesced (one object per delta) still read back", async () => {
    const run = newRun();
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 5));
    await handle.db.insert(runEventBatches).values({ runId: run.id, firstSeq: 0, lastSeq: 11, events: events.slice(0, 12) });
    await store.appendEvents(run.id, events.slice(12));
    expect(await store.getEvents(run.id)).toEqual(events);
    expect(await store.getEvents(run.id, 7)).toEqual(events.slice(8));
  });

  test("reports how much a 3×6 run with ~250-token answers takes on disk", async () => {
    const sizes = async () => {
      const result = await handle.db.execute(
        sql`select pg_total_relation_size('runs')::bigint as runs, pg_total_relation_size('run_event_batches')::bigint as batches`,
      );
      const row = result.rows[0] as { runs: string | number; batches: string | number };
      return Number(row.runs) + Number(row.batches);
    };
    const before = await sizes();
    const run = newRun({ config: config3x6() });
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 250));
    // What the buffer writes at its default 200 ms interval: one row per 200 ms of the run.
    const windows = new Map<number, typeof events>();
    for (const e of events) windows.set(Math.floor(e.t / 200), [...(windows.get(Math.floor(e.t / 200)) ?? []), e]);
    for (const batch of windows.values()) await store.appendEvents(run.id, batch);
    const last = events.at(-1)!;
    if (last.type !== "run-finished") throw new Error("fixture must end with run-finished");
    await store.finishRun(run.id, { status: "finished", finalText: last.text, usage: last.usage, durationMs: last.durationMs });
    await handle.db.execute(sql`checkpoint`);
    const after = await sizes();

    const json = await handle.db.execute(sql`
      select coalesce(sum(octet_length(events::text)), 0)::bigint as text_bytes,
             coalesce(sum(pg_column_size(events)), 0)::bigint as stored_bytes,
             count(*)::int as batches
      from run_event_batches where run_id = ${run.id}`);
    const { text_bytes, stored_bytes, batches } = json.rows[0] as Record<string, string | number>;
    const agents = run.config.layers.reduce((n, l) => n + l.agents.length, 0);
    const deltas = events.filter((e) => e.type === "agent-delta").length;
    console.log(
      `[${backend.name}] 3×6 run (${agents} agents × 250 tokens, ${events.length} events, ${deltas} deltas, ${batches} batch rows): ` +
        `events JSON ${Number(text_bytes).toLocaleString("en-US")} B as text, ` +
        `${Number(stored_bytes).toLocaleString("en-US")} B as stored jsonb (TOAST-compressed), ` +
        `tables grew by ${(after - before).toLocaleString("en-US")} B`,
    );
    expect(Number(stored_bytes)).toBeGreaterThan(0);
    expect(Number(batches)).toBe(windows.size);
  });
});

describe("memory run store", () => {
  runStoreContract({ fresh: async () => createMemoryRunStore() });
});
