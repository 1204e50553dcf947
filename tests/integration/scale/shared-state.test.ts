import { cp, readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { checkDbHealth } from "@/lib/db/health";
import { beat } from "@/lib/db/instances";
import { createDbRunStore } from "@/lib/runs/db-run-store";
import { PgRateLimiter } from "@/lib/security/rate-limit-pg";
import { newRun, stamp } from "../db/fixtures";
import { createDatabase } from "./cluster";

/**
 * What several instances share through PostgreSQL, exercised in one process: two limiter
 * objects stand for two instances (all their state is in the database).
 */
const reason = process.env.TEST_DATABASE_URL ? undefined : "set TEST_DATABASE_URL (eval \"$(bash scripts/start-test-postgres.sh)\")";

describe.skipIf(reason)(`state shared across instances${reason ? ` [skipped: ${reason}]` : ""}`, () => {
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createDatabase();
    drop = database.drop;
    process.env.DATABASE_URL = database.url;
    await getDb();
  });

  afterAll(async () => {
    await closeDb();
    await drop?.();
  });

  test("the per-client start rate holds across instances, even for simultaneous requests", async () => {
    const config = { perMinute: 3, burst: 3, maxConcurrent: 0 };
    const a = new PgRateLimiter(config);
    const b = new PgRateLimiter(config);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take("client-rate")));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const rejected = results.find((r) => !r.ok);
    expect(rejected && !rejected.ok && rejected.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(await a.take("another-client")).toEqual({ ok: true });
  });

  test("the per-client concurrency limit holds across instances and frees slots on release", async () => {
    const config = { perMinute: 0, burst: 0, maxConcurrent: 2 };
    const a = new PgRateLimiter(config);
    const b = new PgRateLimiter(config);
    const first = await a.acquireConcurrent("client-slots");
    const second = await b.acquireConcurrent("client-slots");
    expect(first.ok && second.ok).toBe(true);
    const third = await a.acquireConcurrent("client-slots");
    expect(third.ok).toBe(false);
    if (first.ok) first.release();
    // Release is fire-and-forget; the slot is free once its delete lands.
    await expect.poll(async () => (await b.acquireConcurrent("client-slots")).ok, { timeout: 2_000 }).toBe(true);
  });

  test("slots held by an instance that stopped beating no longer count", async () => {
    const db = await getDb();
    await db.execute(sql`insert into instances (id, heartbeat_at) values ('gone', now() - interval '5 minutes')`);
    await db.execute(sql`insert into run_slots (id, client_id, instance_id) values ('s1', 'client-dead', 'gone'), ('s2', 'client-dead', 'gone')`);
    const limiter = new PgRateLimiter({ perMinute: 0, burst: 0, maxConcurrent: 2 });
    expect((await limiter.acquireConcurrent("client-dead")).ok).toBe(true);
  });

  test("the startup sweep interrupts only runs of instances whose heartbeat went stale", async () => {
    const db = await getDb();
    await beat(db, "alive");
    await db.execute(sql`insert into instances (id, heartbeat_at) values ('crashed', now() - interval '1 minute')`);
    const alive = createDbRunStore(db, { instanceId: "alive", sweep: "dead-instances" });
    const crashed = createDbRunStore(db, { instanceId: "crashed", sweep: "dead-instances" });
    const mine = newRun();
    const theirs = newRun();
    await alive.createRun(mine);
    await crashed.createRun(theirs);
    for (const run of [mine, theirs]) {
      await alive.appendEvents(run.id, stamp(run.id, [{ type: "run-started", config: run.config, messages: run.messages }]));
    }
    expect(await alive.markInterrupted("its server died")).toBe(1);
    expect((await alive.getRun(theirs.id))?.status).toBe("interrupted");
    expect((await alive.getRun(mine.id))?.status).toBe("running");
    expect((await alive.getEvents(theirs.id)).at(-1)).toMatchObject({ type: "run-interrupted", seq: 1 });
  });

  test("health: reachable and migrated is ok; a migration the database lacks is reported", async () => {
    const healthy = await checkDbHealth();
    expect(healthy).toMatchObject({ ok: true, database: "postgres", migrations: { current: true } });
    expect(healthy.migrations!.applied).toBe(healthy.migrations!.expected);

    const dir = await mkdtemp(path.join(tmpdir(), "moa-migrations-"));
    await cp(path.join(process.cwd(), "lib/db/migrations"), dir, { recursive: true });
    const journalPath = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8"));
    journal.entries.push({ idx: journal.entries.length, version: "7", when: Date.now(), tag: "9999_future", breakpoints: true });
    await writeFile(journalPath, JSON.stringify(journal));
    const behind = await checkDbHealth(dir);
    expect(behind.ok).toBe(false);
    expect(behind.migrations).toMatchObject({ current: false, expected: healthy.migrations!.expected + 1 });
  });
});
