import { beforeEach, expect, test } from "vitest";
import type { AgentSummary } from "@/lib/runs/agent-summary";
import type { RunEventBody } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { createEventBuffer } from "@/lib/runs/event-buffer";
import type { RunStore } from "@/lib/runs/run-store";
import { completeRunBodies, config3x6, newRun, ownerHash, smallConfig, stamp } from "./fixtures";

export interface ContractStore extends RunStore {
  getAgentSummaries(runId: string): Promise<AgentSummary[] | null>;
}

export interface ContractContext {
  /** A store with no runs in it. */
  fresh(): Promise<ContractStore>;
  /** How many batch rows hold a run's events, where storage has rows. */
  batchRows?: (runId: string) => Promise<number>;
}

/** What every RunStore does, whatever holds the data. */
export function runStoreContract(context: ContractContext): void {
  let store: ContractStore;
  const batchRows = context.batchRows;
  beforeEach(async () => {
    store = await context.fresh();
  });

  test("a created run reads back as pending with its config, messages and preset", async () => {
    const run = newRun({ preset: "moa-lite", createdAt: new Date("2026-01-02T03:04:05.678Z") });
    await store.createRun(run);
    expect(await store.getRun(run.id)).toEqual({
      id: run.id,
      status: "pending",
      config: run.config,
      messages: run.messages,
      preset: "moa-lite",
      finalText: "",
      usage: { inputTokens: 0, outputTokens: 0 },
      createdAt: run.createdAt,
    });
    expect(await store.getRun("no-such-run")).toBeNull();
  });

  test("events appended in batches come back in order, from any sequence number", async () => {
    const run = newRun();
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 10));
    await store.appendEvents(run.id, events.slice(0, 10));
    await store.appendEvents(run.id, events.slice(10, 30));
    await store.appendEvents(run.id, events.slice(30));

    if (batchRows) expect(await batchRows(run.id)).toBe(3);
    expect(await store.getEvents(run.id)).toEqual(events);
    expect((await store.getEvents(run.id, 12)).map((e) => e.seq)).toEqual(events.slice(13).map((e) => e.seq));
    expect(await store.getEvents(run.id, events.length - 1)).toEqual([]);
    expect((await store.getRun(run.id))?.status).toBe("running");
  });

  test("resuming after any seq, even inside a flush of interleaved deltas, gives exactly the events after it", async () => {
    const run = newRun({ config: config3x6() });
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 6));
    for (let i = 0; i < events.length; i += 40) await store.appendEvents(run.id, events.slice(i, i + 40));
    for (let after = -1; after < events.length; after++) {
      expect((await store.getEvents(run.id, after)).map((e) => e.seq)).toEqual(events.slice(after + 1).map((e) => e.seq));
    }
    expect(await store.getEvents(run.id, 57)).toEqual(events.slice(58));
  });

  test("finishing a run stores its answer, totals and each agent's text and usage", async () => {
    const run = newRun();
    await store.createRun(run);
    const events = stamp(run.id, completeRunBodies(run.config, 8));
    await store.appendEvents(run.id, events);
    const finished = events.at(-1)!;
    if (finished.type !== "run-finished") throw new Error("fixture must end with run-finished");
    await store.finishRun(run.id, { status: "finished", finalText: finished.text, usage: finished.usage, durationMs: 12_500.4 });

    const stored = await store.getRun(run.id);
    expect(stored).toMatchObject({ status: "finished", finalText: finished.text, usage: finished.usage, durationMs: 12_500 });
    expect(stored?.finishedAt).toBeInstanceOf(Date);
    expect(stored?.error).toBeUndefined();

    const agents = await store.getAgentSummaries(run.id);
    expect(agents).toHaveLength(3);
    const finishedEvents = events.filter((e) => e.type === "agent-finished");
    for (const e of finishedEvents) {
      expect(agents).toContainEqual(
        expect.objectContaining({ layer: e.layer, agent: e.agent, status: "done", text: e.text, usage: e.usage, ttftMs: e.ttftMs }),
      );
    }
  });

  test("a cancelled run keeps the partial text its agents had streamed", async () => {
    const run = newRun();
    await store.createRun(run);
    const bodies: RunEventBody[] = [
      { type: "run-started", config: run.config, messages: run.messages },
      { type: "layer-started", layer: 0 },
      { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
      { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
      { type: "agent-delta", layer: 0, agent: 0, text: "Half an " },
      { type: "agent-delta", layer: 0, agent: 1, text: "Another" },
      { type: "agent-delta", layer: 0, agent: 0, text: "answer" },
      { type: "run-cancelled", reason: "stopped by the user" },
    ];
    await store.appendEvents(run.id, stamp(run.id, bodies));
    await store.finishRun(run.id, {
      status: "cancelled",
      finalText: "",
      usage: { inputTokens: 0, outputTokens: 0 },
      durationMs: 35,
      error: "stopped by the user",
    });

    expect(await store.getRun(run.id)).toMatchObject({ status: "cancelled", error: "stopped by the user" });
    const agents = await store.getAgentSummaries(run.id);
    expect(agents?.map((a) => [a.layer, a.agent, a.status, a.text])).toEqual([
      [0, 0, "stopped", "Half an answer"],
      [0, 1, "stopped", "Another"],
      // The aggregator never started: an ended run leaves nothing "waiting" (it has no startedAt).
      [1, 0, "stopped", ""],
    ]);
  });

  test("markInterrupted closes open runs with a run-interrupted event, once", async () => {
    const running = newRun();
    const pending = newRun();
    const done = newRun();
    for (const r of [running, pending, done]) await store.createRun(r);
    const partial = stamp(running.id, completeRunBodies(running.config, 6)).slice(0, 20);
    await store.appendEvents(running.id, partial);
    await store.appendEvents(done.id, stamp(done.id, completeRunBodies(done.config, 3)));
    await store.finishRun(done.id, { status: "finished", finalText: "ok", usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 9 });

    expect(await store.markInterrupted("the server restarted")).toBe(2);

    const events = await store.getEvents(running.id);
    const last = partial.at(-1)!;
    expect(events.at(-1)).toEqual({ type: "run-interrupted", runId: running.id, seq: last.seq + 1, t: last.t, reason: "the server restarted" });
    // A replay of the stored events ends, instead of waiting for more.
    const replayed = events.reduce(reduceRun, initialRunState(running.id));
    expect(replayed.status).toBe("interrupted");
    expect(await store.getRun(running.id)).toMatchObject({ status: "interrupted", error: "the server restarted", durationMs: last.t });

    expect(await store.getEvents(pending.id)).toEqual([
      { type: "run-interrupted", runId: pending.id, seq: 0, t: 0, reason: "the server restarted" },
    ]);
    expect((await store.getRun(pending.id))?.status).toBe("interrupted");
    expect(await store.getRun(done.id)).toMatchObject({ status: "finished", finalText: "ok" });

    expect(await store.markInterrupted("again")).toBe(0);
    expect(await store.getEvents(running.id)).toHaveLength(partial.length + 1);
  });

  test("markInterrupted gives a run whose stored events already end it that ending, not an interruption", async () => {
    const run = newRun();
    await store.createRun(run);
    const complete = stamp(run.id, completeRunBodies(run.config, 3));
    // The process died after its terminal event was stored, before the row said the run had ended.
    await store.appendEvents(run.id, complete);

    expect(await store.markInterrupted("the server restarted")).toBe(1);

    expect(await store.getEvents(run.id)).toEqual(complete);
    const ended = complete.reduce(reduceRun, initialRunState(run.id));
    expect(ended.status).toBe("finished");
    expect(await store.getRun(run.id)).toMatchObject({ status: "finished", finalText: ended.finalText });
    expect(await store.markInterrupted("again")).toBe(0);
  });

  test("several runs' batches are written in one call, all or none", async () => {
    const a = newRun();
    const b = newRun();
    for (const r of [a, b]) await store.createRun(r);
    const eventsA = stamp(a.id, completeRunBodies(a.config, 3));
    const eventsB = stamp(b.id, completeRunBodies(b.config, 3));
    await store.appendEventBatches([
      { runId: a.id, events: eventsA.slice(0, 10) },
      { runId: b.id, events: eventsB.slice(0, 5) },
    ]);
    await store.appendEventBatches([
      { runId: b.id, events: eventsB.slice(5) },
      { runId: a.id, events: eventsA.slice(10) },
    ]);
    expect(await store.getEvents(a.id)).toEqual(eventsA);
    expect(await store.getEvents(b.id)).toEqual(eventsB);
    expect((await store.getRun(a.id))?.status).toBe("running");

    const c = newRun();
    await store.createRun(c);
    const eventsC = stamp(c.id, completeRunBodies(c.config, 1));
    await expect(store.appendEventBatches([{ runId: c.id, events: eventsC }, { runId: "no-such-run", events: eventsC }])).rejects.toThrow();
    expect(await store.getEvents(c.id)).toEqual([]);
  });

  test("after a crash the run-interrupted event is numbered above every seq viewers may have been sent", async () => {
    const run = newRun({ seqReserved: 40 });
    await store.createRun(run);
    const all = stamp(run.id, completeRunBodies(run.config, 6));
    // Viewers saw seq 0..30; the process died before the buffer stored more than 0..19.
    await store.appendEvents(run.id, all.slice(0, 20));
    await store.reserveSeqs(run.id, 90);
    // A late or repeated write of a lower mark never lowers it.
    await store.reserveSeqs(run.id, 50);

    expect(await store.markInterrupted("the server restarted")).toBe(1);

    const viewerSaw = 30;
    const resumed = await store.getEvents(run.id, viewerSaw);
    expect(resumed).toEqual([{ type: "run-interrupted", runId: run.id, seq: 91, t: all[19].t, reason: "the server restarted" }]);
    // The run ends with what its agents were paid for, and nothing is left running.
    const state = (await store.getEvents(run.id)).reduce(reduceRun, initialRunState(run.id));
    const finishedUsage = all.slice(0, 20).flatMap((e) => (e.type === "agent-finished" ? [e.usage] : []));
    expect(state.status).toBe("interrupted");
    expect(state.usage.outputTokens).toBe(finishedUsage.reduce((n, u) => n + u.outputTokens, 0));
    expect(state.layers.map((l) => l.status)).not.toContain("running");
    expect((await store.getRun(run.id))?.usage).toEqual(state.usage);
  });

  test("listRuns pages one owner's runs newest first and hides other owners' runs", async () => {
    const me = ownerHash("me");
    const other = ownerHash("other");
    const t0 = Date.parse("2026-03-01T10:00:00Z");
    const mine = Array.from({ length: 5 }, (_, i) =>
      newRun({ ownerSecretHash: me, createdAt: new Date(t0 + i * 60_000), config: i === 4 ? config3x6() : smallConfig() }),
    );
    const theirs = newRun({ ownerSecretHash: other, createdAt: new Date(t0 + 30_000) });
    for (const r of [...mine, theirs]) await store.createRun(r);
    await store.appendEvents(mine[4].id, stamp(mine[4].id, completeRunBodies(mine[4].config, 2)));
    await store.finishRun(mine[4].id, { status: "finished", finalText: "x", usage: { inputTokens: 40, outputTokens: 50 }, durationMs: 70 });

    const first = await store.listRuns([me], { limit: 2 });
    expect(first.map((r) => r.id)).toEqual([mine[4].id, mine[3].id]);
    expect(first[0]).toMatchObject({
      status: "finished",
      shape: "3×6",
      promptExcerpt: "Explain mixture-of-agents in two sentences.",
      usage: { inputTokens: 40, outputTokens: 50 },
      durationMs: 70,
      createdAt: mine[4].createdAt,
    });
    expect(first[1]).toMatchObject({ status: "pending", shape: "2×2", usage: { inputTokens: 0, outputTokens: 0 } });

    const second = await store.listRuns([me], { limit: 2, before: first[1].createdAt });
    expect(second.map((r) => r.id)).toEqual([mine[2].id, mine[1].id]);
    const third = await store.listRuns([me], { limit: 2, before: second[1].createdAt });
    expect(third.map((r) => r.id)).toEqual([mine[0].id]);

    expect((await store.listRuns([me, other], { limit: 10 })).map((r) => r.id)).toContain(theirs.id);
    expect(await store.listRuns([other], { limit: 10 })).toHaveLength(1);
    expect(await store.listRuns([], { limit: 10 })).toEqual([]);
  });

  test("a long prompt is cut to a one-line excerpt", async () => {
    const owner = ownerHash("long");
    await store.createRun(newRun({ ownerSecretHash: owner, messages: [{ role: "user", content: `${"word ".repeat(100)}\nend` }] }));
    const [summary] = await store.listRuns([owner], { limit: 1 });
    expect(summary.promptExcerpt.length).toBeLessThanOrEqual(140);
    expect(summary.promptExcerpt).toMatch(/^word word .*…$/);
  });

  test("getOwnerHash gives the hash a run was created with, null for no run, and never leaks through getRun", async () => {
    const run = newRun({ ownerSecretHash: ownerHash("teacher") });
    await store.createRun(run);
    expect(await store.getOwnerHash(run.id)).toBe(run.ownerSecretHash);
    expect(await store.getOwnerHash("no-such-run")).toBeNull();
    expect(JSON.stringify(await store.getRun(run.id))).not.toContain(run.ownerSecretHash);
  });

  test("deleteRun needs the owner's hash and removes the run's events too", async () => {
    const run = newRun();
    await store.createRun(run);
    await store.appendEvents(run.id, stamp(run.id, completeRunBodies(run.config, 2)));

    expect(await store.deleteRun(run.id, ownerHash("intruder"))).toBe(false);
    expect(await store.getRun(run.id)).not.toBeNull();

    expect(await store.deleteRun(run.id, run.ownerSecretHash)).toBe(true);
    expect(await store.getRun(run.id)).toBeNull();
    if (batchRows) expect(await batchRows(run.id)).toBe(0);
    expect(await store.deleteRun(run.id, run.ownerSecretHash)).toBe(false);
  });

  test("the event buffer stores 1,000 streamed deltas in a handful of rows, in order", async () => {
    const run = newRun();
    await store.createRun(run);
    const bodies: RunEventBody[] = [
      { type: "run-started", config: run.config, messages: run.messages },
      ...Array.from({ length: 1000 }, (_, i) => ({ type: "agent-delta" as const, layer: 0, agent: i % 2, text: `t${i} ` })),
      { type: "run-failed", message: "upstream went away" },
    ];
    const events = stamp(run.id, bodies);
    const buffer = createEventBuffer(store, run.id, { flushIntervalMs: 50 });
    for (const [i, event] of events.entries()) {
      buffer.push(event);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await buffer.close();

    if (batchRows) {
      const rows = await batchRows(run.id);
      expect(rows).toBeGreaterThanOrEqual(2);
      expect(rows).toBeLessThanOrEqual(25);
    }
    expect(await store.getEvents(run.id)).toEqual(events);
  });
}
