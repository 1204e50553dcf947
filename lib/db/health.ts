import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defaultMigrationsDir, getDbHandle, type DbHandle } from "./client";

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

export interface DbHealth {
  ok: boolean;
  database: "pglite" | "postgres" | "unreachable";
  migrations?: { applied: number; expected: number; current: boolean };
  error?: string;
}

const TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), TIMEOUT_MS).unref?.()),
  ]);
}

/**
 * Is the database reachable, and has it every migration this build ships? Compares the
 * migrator's own table with the journal, by timestamp, as the migrator itself does.
 */
export async function checkDbHealth(migrationsDir: string = defaultMigrationsDir()): Promise<DbHealth> {
  let handle: DbHandle;
  try {
    handle = await withTimeout(getDbHandle(), "opening the database");
  } catch (error) {
    return { ok: false, database: "unreachable", error: error instanceof Error ? error.message : String(error) };
  }
  try {
    const journal = journalSchema.parse(JSON.parse(await readFile(path.join(migrationsDir, "meta", "_journal.json"), "utf8")));
    const { rows } = await withTimeout(
      handle.db.execute(sql`select created_at from drizzle.__drizzle_migrations`),
      "reading applied migrations",
    );
    const appliedAt = new Set(rows.map((row) => Number(row.created_at)));
    const expected = journal.entries.length;
    const applied = journal.entries.filter((entry) => appliedAt.has(entry.when)).length;
    const current = applied === expected;
    return { ok: current, database: handle.kind, migrations: { applied, expected, current } };
  } catch (error) {
    return { ok: false, database: handle.kind, error: error instanceof Error ? error.message : String(error) };
  }
}
