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
import { dbGlobals } from "./globals";
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
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
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
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema });
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

export async function getDbHandle(): Promise<DbHandle> {
  if (!dbGlobals.db) {
    const opening = openDatabase(optionsFromEnv());
    dbGlobals.db = opening;
    // A failed open must not poison the process: the next call tries again.
    opening.catch(() => {
      if (dbGlobals.db === opening) dbGlobals.db = undefined;
    });
  }
  return dbGlobals.db;
}

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const pending = dbGlobals.db;
  dbGlobals.db = undefined;
  dbGlobals.runStore = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}
