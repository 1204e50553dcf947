import "server-only";
import { processGlobal } from "@/lib/process-global";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { getDbHandle } from "@/lib/db/client";
import type { PgliteClient } from "@/lib/db/pglite-thread/client";

/** The one queue of experiment units; a job's data names the experiment and the unit. */
export const UNIT_QUEUE = "experiment-unit";

export interface UnitJob {
  experimentId: string;
  key: string;
  /** Times in a row this unit was put back because the worker did not hold the job's pasted keys (key-wait.ts). */
  keyTries?: number;
}

/**
 * pg-boss over either back end. PostgreSQL: its own small pool on DATABASE_URL. PGlite: the
 * process's embedded database through pg-boss's `db` adapter, so the queue lives in the same
 * data folder and the same SQL (SKIP LOCKED fetch, partitions, advisory locks) runs on it.
 * PGlite's `query` takes one statement with parameters, `exec` several without: pg-boss sends
 * its schema and locked maintenance as multi-statement text with no parameters.
 */
function pgliteAdapter(client: Pick<PgliteClient, "query" | "exec">): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      try {
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      } catch (error) {
        // A failed statement inside pg-boss's BEGIN … COMMIT would leave the one connection in an aborted transaction.
        await client.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
  };
}

/** The process's one pg-boss, once opening starts. */
const holder = processGlobal("pgBoss", () => ({}) as { boss?: Promise<PgBoss> });

const BOSS_OPTIONS = {
  schedule: false,
  supervise: true,
  migrate: true,
  maintenanceIntervalSeconds: 30,
  monitorStateIntervalSeconds: 60,
} as const;

async function openBoss(): Promise<PgBoss> {
  const handle = await getDbHandle();
  const boss =
    handle.kind === "postgres"
      ? new PgBoss({ connectionString: process.env.DATABASE_URL, max: 4, ...BOSS_OPTIONS })
      : // drizzle keeps the PGlite client it was given as `$client`.
        new PgBoss({ db: pgliteAdapter((handle.db as unknown as { $client: PgliteClient }).$client), ...BOSS_OPTIONS });
  boss.on("error", (error) => console.error("experiment queue:", error));
  await boss.start();
  await boss.createQueue(UNIT_QUEUE, {
    name: UNIT_QUEUE,
    policy: "standard",
    retryLimit: 50,
    retryDelay: 2,
    retryBackoff: true,
    // An expired job is only delivered again; the unit's claim keeps a live holder's work from running twice.
    expireInSeconds: Number(process.env.MOA_JOB_EXPIRE_S) || 120,
  });
  return boss;
}

/** The process's queue, started on first use (kept across dev reloads). A failed start is forgotten. */
export function getBoss(): Promise<PgBoss> {
  if (!holder.boss) {
    const opening = openBoss();
    holder.boss = opening;
    opening.catch(() => {
      if (holder.boss === opening) holder.boss = undefined;
    });
  }
  return holder.boss;
}

export async function stopBoss(): Promise<void> {
  const pending = holder.boss;
  holder.boss = undefined;
  const boss = await pending?.catch(() => undefined);
  await boss?.stop({ graceful: false, wait: false, close: true });
}

/**
 * The same unit and attempt always get the same job id, and pg-boss inserts with ON CONFLICT DO
 * NOTHING: enqueueing twice (two instances recovering the same unit, a verdict made due by both
 * of its cells at once) leaves one job.
 */
export function unitJobId(experimentId: string, key: string, attempt: number): string {
  const hex = createHash("sha256").update(`${experimentId}\u0000${key}\u0000${attempt}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function enqueueUnits(boss: PgBoss, units: Array<UnitJob & { attempt: number }>): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < units.length; i += CHUNK) {
    await boss.insert(units.slice(i, i + CHUNK).map(({ experimentId, key, attempt }) => ({ id: unitJobId(experimentId, key, attempt), name: UNIT_QUEUE, data: { experimentId, key } })));
  }
}
