import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { processGlobal } from "@/lib/process-global";
import { openPgliteThread } from "./pglite-thread/client";
import { forgetProcessStores } from "./process-store";
import * as schema from "./schema";

export type Schema = typeof schema;
/** What `execute` returns on both back ends (PGlite `Results`, node-postgres `QueryResult`). */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}
/** Either back end: the PGlite and node-postgres databases share this query surface. */
export type Database = PgDatabase<RowsResultHKT, Schema>;

export interface DbHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; without it PGlite is used. */
  url?: string;
  /**
   * PGlite data folder, or `memory://` for a throwaway in-memory database. PGlite runs on its own
   * worker thread (lib/db/pglite-thread); MOA_PGLITE_IN_PROCESS=1 keeps it on the event loop.
   */
  dataDir?: string;
  migrationsDir?: string;
}

/** Any constant works; it only has to be the same for every instance of this app. */
const MIGRATION_LOCK_KEY = 7_402_119;

export function defaultMigrationsDir(): string {
  return process.env.MOA_MIGRATIONS_DIR ?? path.join(process.cwd(), "lib", "db", "migrations");
}

/** Opens a database and brings its schema up to date. Prefer `getDb()` outside tests. */
export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const migrationsFolder = options.migrationsDir ?? defaultMigrationsDir();
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: 10 });
    // An idle pooled connection that the server ends (a restart, a failover, an admin's
    // pg_terminate_backend) is reported here. The pool has already dropped it and opens a new one on
    // the next query; with no listener, Node would throw the error and end the whole process.
    pool.on("error", (error) => console.error(`database: an idle connection was closed by the server (${error.message}); the next query opens a new one`));
    const db = drizzlePg({ client: pool, schema });
    // Several instances may boot at once; only one of them may run the migrations.
    const lock = await pool.connect();
    try {
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migratePg(db, { migrationsFolder });
    } catch (error) {
      lock.release();
      await pool.end();
      throw error;
    }
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).finally(() => lock.release());
    return { db, kind: "postgres", close: () => pool.end() };
  }

  const dataDir = options.dataDir ?? path.join(process.cwd(), ".data");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = process.env.MOA_PGLITE_IN_PROCESS === "1" ? await PGlite.create(dataDir) : await openPgliteThread(dataDir);
  // drizzle's pglite session calls `query` and `transaction`, which the thread's client has.
  const db = drizzlePglite({ client: client as PGlite, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, kind: "pglite", close: () => client.close() };
}

function optionsFromEnv(): OpenOptions {
  const dataDir = process.env.MOA_DATA_DIR;
  return {
    url: process.env.DATABASE_URL || undefined,
    dataDir: dataDir ? (dataDir.startsWith("memory://") ? dataDir : path.resolve(dataDir)) : undefined,
  };
}

/** The PGlite folder allows one opener: one database per process, even across dev reloads. */
const opened = processGlobal("db", () => ({}) as { handle?: Promise<DbHandle> });

export async function getDbHandle(): Promise<DbHandle> {
  if (!opened.handle) {
    const opening = openDatabase(optionsFromEnv());
    opened.handle = opening;
    // A failed open must not poison the process: the next call tries again.
    opening.catch(() => {
      if (opened.handle === opening) opened.handle = undefined;
    });
  }
  return opened.handle;
}

/** Whether this process has opened (or is opening) its database. */
export function isDbOpen(): boolean {
  return opened.handle !== undefined;
}

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Closes the process's database; the stores opened on it are forgotten with it. */
export async function closeDb(): Promise<void> {
  const pending = opened.handle;
  opened.handle = undefined;
  forgetProcessStores();
  if (pending) await (await pending.catch(() => null))?.close();
}
