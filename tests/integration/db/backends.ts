import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { describe } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";

export interface Backend {
  name: "pglite" | "postgres";
  available: boolean;
  /** A fresh, migrated, empty database; `dispose` closes and (for PostgreSQL) drops it. */
  open(): Promise<{ handle: DbHandle; dispose(): Promise<void>; reopen(): Promise<DbHandle> }>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

/** Runs `fn` on a connection of its own to the test server (as its superuser). */
export async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pglite: Backend = {
  name: "pglite",
  available: true,
  async open() {
    const handle = await openDatabase({ dataDir: "memory://" });
    return {
      handle,
      dispose: () => handle.close(),
      reopen: () => Promise.reject(new Error("an in-memory PGlite cannot be reopened")),
    };
  },
};

const postgres: Backend = {
  name: "postgres",
  available: Boolean(serverUrl),
  async open() {
    // One database per suite: tests see only their own rows and the migrations start from nothing.
    const name = `moa_test_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const handles: DbHandle[] = [];
    const reopen = async () => {
      const h = await openDatabase({ url: url.toString() });
      handles.push(h);
      return h;
    };
    const handle = await reopen();
    return {
      handle,
      reopen,
      async dispose() {
        await Promise.all(handles.map((h) => h.close().catch(() => {})));
        await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  },
};

export const backends: Backend[] = [pglite, postgres];

/**
 * Runs a suite once per back end. PostgreSQL needs TEST_DATABASE_URL (see
 * scripts/start-test-postgres.sh); without it that suite is reported as skipped.
 */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const backend of backends) {
    const label = backend.available ? `${title} [${backend.name}]` : `${title} [${backend.name}: set TEST_DATABASE_URL]`;
    (backend.available ? describe : describe.skip)(label, () => suite(backend));
  }
}
