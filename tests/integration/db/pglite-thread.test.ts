import { types } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { openPgliteThread, type PgliteClient } from "@/lib/db/pglite-thread/client";
import { runs } from "@/lib/db/schema";
import { createDbRunStore } from "@/lib/runs/db-run-store";
import { newRun } from "./fixtures";

// PGlite's initdb in WebAssembly takes seconds on a busy machine.
const SLOW = 60_000;

describe("PGlite on its own thread", () => {
  let pg: PgliteClient;
  beforeAll(async () => {
    pg = await openPgliteThread("memory://");
    await pg.exec("create table notes (id int primary key, body text, at timestamptz default now())");
  }, SLOW);
  afterAll(() => pg?.close());

  test("answers in object and array rows, and keeps the types it is told to keep as text", async () => {
    await pg.query("insert into notes (id, body, at) values ($1, $2, $3)", [1, "first", "2026-01-02T03:04:05Z"]);
    const objects = await pg.query<{ id: number; body: string; at: Date }>("select id, body, at from notes where id = $1", [1]);
    expect(objects.rows).toEqual([{ id: 1, body: "first", at: new Date("2026-01-02T03:04:05Z") }]);
    const keepText = (value: string) => value;
    const arrays = await pg.query<unknown[]>("select id, at from notes where id = 1", [], { rowMode: "array", parsers: { [types.TIMESTAMPTZ]: keepText } });
    expect(arrays.rows).toEqual([[1, "2026-01-02 03:04:05+00"]]);
  });

  test("refuses a parser it cannot carry to the thread instead of ignoring it", async () => {
    const upper = (value: string) => value.toUpperCase();
    await expect(pg.query("select body from notes", [], { parsers: { [types.TEXT]: upper } })).rejects.toThrow(/cannot take a parser/);
  });

  test("a failing statement rejects with PostgreSQL's code and message", async () => {
    const duplicate = pg.query("insert into notes (id, body) values (1, 'again')");
    await expect(duplicate).rejects.toMatchObject({ code: "23505", message: expect.stringMatching(/duplicate key/) });
  });

  test("a transaction commits, a throw rolls it back, and statements from outside wait for it to end", async () => {
    await pg.transaction(async (tx) => {
      await tx.query("insert into notes (id, body) values (2, 'kept')");
    });
    let outsideDone = false;
    await expect(
      pg.transaction(async (tx) => {
        await tx.query("insert into notes (id, body) values (3, 'dropped')");
        // Issued from outside while the transaction is open: it must not run inside it.
        const outside = pg.query("insert into notes (id, body) values (4, 'outside')").then(() => {
          outsideDone = true;
        });
        await tx.query("select pg_sleep(0.05)");
        expect(outsideDone).toBe(false);
        void outside;
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const { rows } = await pg.query<{ id: number }>("select id from notes order by id");
    expect(rows.map((r) => r.id)).toEqual([1, 2, 4]);
    expect(outsideDone).toBe(true);
  });

  test("a long statement leaves the caller's event loop free", async () => {
    // On the caller's thread a 300 ms statement would hold the loop: no timer could fire meanwhile.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await pg.query("select pg_sleep(0.3)");
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(5);
  });
});

test("a database that cannot be opened rejects, with PGlite's reason, instead of hanging", async () => {
  await expect(openPgliteThread("/dev/null/not-a-folder")).rejects.toThrow();
}, SLOW);

describe("the app's database on the PGlite thread", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: "memory://" });
  }, SLOW);
  afterAll(() => handle?.close());

  test("migrates, and drizzle reads back what it wrote (timestamps as dates)", async () => {
    const store = createDbRunStore(handle.db);
    const run = newRun();
    await store.createRun(run);
    const [row] = await handle.db.select({ id: runs.id, createdAt: runs.createdAt }).from(runs).where(eq(runs.id, run.id));
    expect(row.id).toBe(run.id);
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.getTime()).toBe(run.createdAt.getTime());
    const threadClient = (handle.db as unknown as { $client: unknown }).$client;
    expect(threadClient).not.toHaveProperty("waitReady");
    const { rows } = await handle.db.execute(sql`select count(*)::int as n from runs`);
    expect(rows[0]).toEqual({ n: 1 });
  });

  test("closing ends the thread: a later statement fails instead of hanging", async () => {
    const other = await openDatabase({ dataDir: "memory://" });
    await other.close();
    // drizzle wraps the driver's error: the thread's own reason is its cause.
    await expect(other.db.execute(sql`select 1`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/database thread exited/) } });
  }, SLOW);
});
