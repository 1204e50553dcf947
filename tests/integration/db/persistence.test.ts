import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { closeDb, getDb, openDatabase, type Database } from "@/lib/db/client";
import { createDbRunStore } from "@/lib/runs/db-run-store";
import { getRunStore } from "@/lib/runs/store";
import { backends } from "./backends";
import { completeRunBodies, newRun, stamp } from "./fixtures";

// Each PGlite start runs initdb in WebAssembly: seconds on a busy machine.
const SLOW = 90_000;

const appliedMigrations = async (db: Database) => {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number((result.rows[0] as { n: number }).n);
};

describe("a PGlite data folder", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "moa-pglite-"));
  const run = newRun();
  const events = stamp(run.id, completeRunBodies(run.config, 5)).slice(0, 12);

  afterAll(async () => {
    await closeDb();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(
    "keeps its runs and events when reopened, without re-applying migrations",
    async () => {
      const first = await openDatabase({ dataDir });
      const migrations = await appliedMigrations(first.db);
      expect(migrations).toBeGreaterThan(0);
      const store = createDbRunStore(first.db);
      await store.createRun(run);
      await store.appendEvents(run.id, events);
      await first.close();

      const second = await openDatabase({ dataDir });
      try {
        expect(await appliedMigrations(second.db)).toBe(migrations);
        const reopened = createDbRunStore(second.db);
        expect(await reopened.getRun(run.id)).toMatchObject({ id: run.id, status: "running", config: run.config });
        expect(await reopened.getEvents(run.id)).toEqual(events);
      } finally {
        await second.close();
      }
    },
    SLOW,
  );

  test(
    "opened through getDb once per process; the first run store closes runs a dead process left open",
    async () => {
      process.env.MOA_DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      try {
        const [a, b] = await Promise.all([getDb(), getDb()]);
        expect(a).toBe(b);

        const store = await getRunStore();
        expect(await getRunStore()).toBe(store);
        expect((await store.getRun(run.id))?.status).toBe("interrupted");
        expect((await store.getEvents(run.id)).at(-1)).toMatchObject({ type: "run-interrupted", seq: events.length });

        // A closed database takes its run store with it: the next one is opened on the reopened database.
        await closeDb();
        const reopened = await getRunStore();
        expect(reopened).not.toBe(store);
        expect((await reopened.getRun(run.id))?.status).toBe("interrupted");
      } finally {
        await closeDb();
        delete process.env.MOA_DATA_DIR;
      }
    },
    SLOW,
  );
});

const postgres = backends.find((b) => b.name === "postgres")!;

describe.skipIf(!postgres.available)("a PostgreSQL database [needs TEST_DATABASE_URL]", () => {
  test("migrations apply to an empty database and are a no-op for the next instance", async () => {
    const { handle, reopen, dispose } = await postgres.open();
    try {
      const migrations = await appliedMigrations(handle.db);
      expect(migrations).toBeGreaterThan(0);
      const run = newRun();
      await createDbRunStore(handle.db).createRun(run);

      // Two more instances booting at once: the advisory lock lets one migrate at a time.
      const [x, y] = await Promise.all([reopen(), reopen()]);
      expect(await appliedMigrations(x.db)).toBe(migrations);
      expect(await appliedMigrations(y.db)).toBe(migrations);
      expect(await createDbRunStore(y.db).getRun(run.id)).toMatchObject({ id: run.id, status: "pending" });
    } finally {
      await dispose();
    }
  });
});
