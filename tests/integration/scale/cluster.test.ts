import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CLUSTER_OWNER,
  clusterSkipReason,
  createDatabase,
  readStream,
  simBoard,
  startInstance,
  startRunOn,
  type Instance,
  type StreamedEvent,
} from "./cluster";

/**
 * Several real `next start` instances on one PostgreSQL database: a run executes on the
 * instance that received it and is watched, cancelled and resumed through the others.
 */
const reason = clusterSkipReason();

const seqs = (events: StreamedEvent[]) => events.map((e) => e.seq);
const gapless = (events: StreamedEvent[]) => events.map((_, i) => i);

describe.skipIf(reason)(`two instances, one database${reason ? ` [skipped: ${reason}]` : ""}`, () => {
  let drop: () => Promise<void>;
  let url: string;
  let a: Instance;
  let b: Instance;
  const spawned: Instance[] = [];
  const start = async (name: string, env: Record<string, string> = {}) => {
    const instance = await startInstance(name, url, { MOA_SIM_SPEED: "1", ...env });
    spawned.push(instance);
    return instance;
  };

  beforeAll(async () => {
    ({ url, drop } = await createDatabase());
    // One first, so the migrations are applied once; the second starts on a migrated database.
    a = await start("A");
    b = await start("B");
  }, 120_000);

  afterAll(async () => {
    for (const instance of spawned) instance.kill();
    await Promise.all(spawned.map((instance) => instance.exited));
    await drop?.();
  });

  test("20 viewers split across both instances each get every event once, in order", async () => {
    const id = await startRunOn(a, simBoard(3, 3));
    const viewers = Array.from({ length: 20 }, (_, i) => readStream(`${(i % 2 ? b : a).url}/api/runs/${id}/events`));
    const reads = await Promise.all(viewers);
    const reference = reads[0].events;
    expect(reference.length).toBeGreaterThan(50);
    expect(reference.at(-1)?.type).toBe("run-finished");
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.error).toBeUndefined();
      expect(seqs(read.events)).toEqual(gapless(reference));
      expect(read.events.map((e) => e.raw)).toEqual(reference.map((e) => e.raw));
    }
    // The run executed on A: B's viewers followed it through PostgreSQL.
    const state = await (await fetch(`${b.url}/api/runs/${id}`)).json();
    expect(state.run.status).toBe("finished");
  }, 60_000);

  test("a viewer joining on the other instance mid-run with Last-Event-ID resumes without gaps", async () => {
    const id = await startRunOn(a, simBoard(3, 3));
    const early = new AbortController();
    const first = await readStream(`${a.url}/api/runs/${id}/events`, {
      signal: early.signal,
      onEvent: (e) => e.seq >= 40 && early.abort(),
    });
    const lastSeen = first.events.at(-1)!.seq;
    const rest = await readStream(`${b.url}/api/runs/${id}/events`, { lastEventId: lastSeen });
    const all = [...first.events, ...rest.events];
    expect(seqs(all)).toEqual(gapless(all));
    expect(all.at(-1)?.type).toBe("run-finished");
  }, 60_000);

  test("cancel on B stops the run executing on A at once", async () => {
    const id = await startRunOn(a, simBoard(3, 3));
    let cancelSentAt = 0;
    let cancelledAt = 0;
    const watched = readStream(`${a.url}/api/runs/${id}/events`, {
      onEvent: (e) => {
        if (e.type === "run-cancelled") cancelledAt = e.at;
      },
    });
    const onB = readStream(`${b.url}/api/runs/${id}/events`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    cancelSentAt = performance.now();
    const response = await fetch(`${b.url}/api/runs/${id}/cancel`, { method: "POST", headers: { "x-moa-owner": CLUSTER_OWNER } });
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("cancelled");
    const [onA, seenOnB] = await Promise.all([watched, onB]);
    expect(onA.events.at(-1)?.type).toBe("run-cancelled");
    expect(seenOnB.events.at(-1)?.type).toBe("run-cancelled");
    expect(seqs(seenOnB.events)).toEqual(gapless(seenOnB.events));
    // The issue's bound is 500 ms for the executing instance to learn of it.
    expect(cancelledAt - cancelSentAt).toBeLessThan(500);
    const again = await fetch(`${a.url}/api/runs/${id}/cancel`, { method: "POST", headers: { "x-moa-owner": CLUSTER_OWNER } });
    expect(again.status).toBe(409);
  }, 60_000);

  test("a viewer of a killed instance reconnects to the executing one and misses nothing", async () => {
    const c = await start("C");
    const id = await startRunOn(a, simBoard(3, 3));
    const first = await readStream(`${c.url}/api/runs/${id}/events`, {
      onEvent: (e) => e.seq === 30 && c.kill("SIGKILL"),
    });
    expect(first.events.at(-1)?.type).not.toBe("run-finished");
    const rest = await readStream(`${a.url}/api/runs/${id}/events`, { lastEventId: first.events.at(-1)!.seq });
    const all = [...first.events, ...rest.events];
    expect(seqs(all)).toEqual(gapless(all));
    expect(all.at(-1)?.type).toBe("run-finished");
  }, 60_000);

  test("SIGTERM: running runs finish within the grace period, new ones get 503, exit code 0", async () => {
    const d = await start("D", { MOA_SHUTDOWN_GRACE_MS: "20000", MOA_SIM_SPEED: "4" });
    const id = await startRunOn(d, simBoard(2, 2));
    const watched = readStream(`${b.url}/api/runs/${id}/events`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    d.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${d.url}/api/runs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ config: simBoard(2, 2), messages: [{ role: "user", content: "hi" }] }),
    });
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.message).toMatch(/shutting down/);
    expect((await fetch(`${d.url}/api/health`)).status).toBe(503);
    expect(await d.exited).toBe(0);
    const seen = await watched;
    expect(seen.events.at(-1)?.type).toBe("run-finished");
    expect(seqs(seen.events)).toEqual(gapless(seen.events));
  }, 60_000);

  test("SIGTERM: a run outlasting the grace period is stored as interrupted, exit code 0", async () => {
    const e = await start("E", { MOA_SHUTDOWN_GRACE_MS: "300" });
    const id = await startRunOn(e, simBoard(3, 3));
    const watched = readStream(`${a.url}/api/runs/${id}/events`);
    await new Promise((resolve) => setTimeout(resolve, 800));
    e.kill("SIGTERM");
    expect(await e.exited).toBe(0);
    const seen = await watched;
    expect(seen.events.at(-1)?.type).toBe("run-interrupted");
    expect(seqs(seen.events)).toEqual(gapless(seen.events));
    const state = await (await fetch(`${a.url}/api/runs/${id}`)).json();
    expect(state.run.status).toBe("interrupted");
    expect(e.output()).toContain("interrupted");
  }, 60_000);
});

