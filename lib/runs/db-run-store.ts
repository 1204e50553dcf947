import "server-only";
import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/moa/events";
import { hasEnded, RUN_STATUSES } from "@/lib/moa/run-state";
import type { NewRun, RunEnd, RunStore, RunSummary, StoredRun } from "./run-store";
import { agentSummarySchema, foldRun, summarizeAgents, type AgentSummary } from "./agent-summary";
import { closeLeftOpen } from "./interrupted";
import { getDbHandle, type Database } from "@/lib/db/client";
import { packEvents, unpackEvents } from "./event-packing";
import { promptExcerpt, runShape } from "./run-summary";
import { runEventBatches, runs, type RunRow } from "@/lib/db/schema";
import { beat, processInstanceId, runOfDeadInstance, startHeartbeat } from "@/lib/db/instances";

/** The Drizzle run store. */
export type DbRunStore = RunStore;

export interface DbRunStoreOptions {
  /** Recorded on every run this process creates. */
  instanceId?: string;
  /**
   * Which open runs `markInterrupted` closes: all of them (one process owns the database, as
   * with PGlite), or only those whose instance stopped sending heartbeats (several instances).
   */
  sweep?: "all" | "dead-instances";
}

const OPEN_STATUSES = RUN_STATUSES.filter((status) => !hasEnded(status));

function toStoredRun(row: RunRow): StoredRun {
  return {
    id: row.id,
    status: row.status,
    config: row.config,
    messages: row.messages,
    ...(row.preset !== null && { preset: row.preset }),
    finalText: row.finalText,
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens },
    ...(row.durationMs !== null && { durationMs: row.durationMs }),
    ...(row.error !== null && { error: row.error }),
    createdAt: row.createdAt,
    ...(row.finishedAt !== null && { finishedAt: row.finishedAt }),
  };
}

/**
 * The columns a history row needs. Not the agents' texts nor the final answer: a page of 50
 * runs would carry every answer of every run, read back from jsonb and parsed for nothing.
 */
const summaryColumns = {
  id: runs.id,
  status: runs.status,
  messages: runs.messages,
  config: runs.config,
  preset: runs.preset,
  inputTokens: runs.inputTokens,
  outputTokens: runs.outputTokens,
  costUsd: runs.costUsd,
  durationMs: runs.durationMs,
  createdAt: runs.createdAt,
};

type SummaryRow = Pick<RunRow, keyof typeof summaryColumns>;

function toSummary(row: SummaryRow): RunSummary {
  return {
    id: row.id,
    status: row.status,
    promptExcerpt: promptExcerpt(row.messages),
    ...(row.preset !== null && { preset: row.preset }),
    shape: runShape(row.config),
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens },
    ...(row.costUsd !== null && { costUsd: row.costUsd }),
    ...(row.durationMs !== null && { durationMs: row.durationMs }),
    createdAt: row.createdAt,
  };
}

function seqRange(events: RunEvent[]): { firstSeq: number; lastSeq: number } {
  let firstSeq = events[0].seq;
  let lastSeq = firstSeq;
  for (const e of events) {
    firstSeq = Math.min(firstSeq, e.seq);
    lastSeq = Math.max(lastSeq, e.seq);
  }
  return { firstSeq, lastSeq };
}

export function createDbRunStore(db: Database, options: DbRunStoreOptions = {}): DbRunStore {
  const instanceId = options.instanceId ?? processInstanceId();
  const sweepDeadOnly = options.sweep === "dead-instances";

  async function readEvents(runId: string, afterSeq: number, exec: Database = db): Promise<RunEvent[]> {
    const batches = await exec
      .select({ events: runEventBatches.events })
      .from(runEventBatches)
      .where(and(eq(runEventBatches.runId, runId), gt(runEventBatches.lastSeq, afterSeq)))
      .orderBy(asc(runEventBatches.firstSeq));
    // A batch overlapping afterSeq comes whole; a resume inside it gets only what follows.
    return unpackEvents(runId, batches.map((b) => b.events)).filter((e) => e.seq > afterSeq);
  }

  async function insertBatch(runId: string, events: RunEvent[], exec: Database = db): Promise<void> {
    if (events.length === 0) return;
    await exec.insert(runEventBatches).values({ runId, ...seqRange(events), events: packEvents(events) });
  }

  /** Writes the end of a run; with `onlyIfOpen` it leaves runs that already ended alone. */
  async function writeEnd(
    runId: string,
    end: RunEnd,
    agents: AgentSummary[],
    exec: Database = db,
    onlyIfOpen = false,
  ): Promise<boolean> {
    const now = new Date();
    const written = await exec
      .update(runs)
      .set({
        status: end.status,
        finalText: end.finalText,
        inputTokens: end.usage.inputTokens,
        outputTokens: end.usage.outputTokens,
        durationMs: Math.round(end.durationMs),
        error: end.error ?? null,
        agents,
        updatedAt: now,
        finishedAt: now,
      })
      .where(and(eq(runs.id, runId), onlyIfOpen ? inArray(runs.status, OPEN_STATUSES) : undefined))
      .returning({ id: runs.id });
    return written.length > 0;
  }

  async function findRow(runId: string): Promise<RunRow | undefined> {
    const [row] = await db.select().from(runs).where(eq(runs.id, runId)).limit(1);
    return row;
  }

  return {
    async createRun(run: NewRun) {
      await db.insert(runs).values({
        id: run.id,
        ownerSecretHash: run.ownerSecretHash,
        status: "pending",
        config: run.config,
        messages: run.messages,
        preset: run.preset ?? null,
        instanceId,
        seqReserved: run.seqReserved ?? null,
        createdAt: run.createdAt,
        updatedAt: run.createdAt,
      });
    },

    async reserveSeqs(runId, throughSeq) {
      await db
        .update(runs)
        .set({ seqReserved: sql`greatest(coalesce(${runs.seqReserved}, -1), ${throughSeq})` })
        .where(eq(runs.id, runId));
    },

    async appendEvents(runId, events) {
      await insertBatch(runId, events);
      // The first batch carries run-started: from then on the run is visibly running.
      if (events.some((e) => e.type === "run-started")) {
        await db
          .update(runs)
          .set({ status: "running", updatedAt: new Date() })
          .where(and(eq(runs.id, runId), eq(runs.status, "pending")));
      }
    },

    async appendEventBatches(batches) {
      const rows = batches
        .filter((b) => b.events.length > 0)
        .map(({ runId, events }) => ({ runId, ...seqRange(events), events: packEvents(events), started: events.some((e) => e.type === "run-started") }));
      if (rows.length === 0) return;
      const started = rows.filter((r) => r.started).map((r) => r.runId);
      const values = rows.map(({ started: _, ...row }) => row);
      // One INSERT is all or none by itself; BEGIN and COMMIT would be two more statements per write.
      if (started.length === 0) {
        await db.insert(runEventBatches).values(values);
        return;
      }
      await db.transaction(async (tx) => {
        await tx.insert(runEventBatches).values(values);
        await tx
          .update(runs)
          .set({ status: "running", updatedAt: new Date() })
          .where(and(inArray(runs.id, started), eq(runs.status, "pending")));
      });
    },

    async finishRun(runId, end) {
      // Reading a whole run back (thousands of events) is the costliest query there is: only without the summary.
      if (end.agents) {
        if (!(await writeEnd(runId, end, end.agents))) throw new AppError("not_found:run", "That run does not exist.");
        return;
      }
      const row = await findRow(runId);
      if (!row) throw new AppError("not_found:run", "That run does not exist.");
      const state = foldRun(runId, row.config, row.messages, await readEvents(runId, -1));
      await writeEnd(runId, end, summarizeAgents(state));
    },

    async getRun(runId) {
      const row = await findRow(runId);
      return row ? toStoredRun(row) : null;
    },

    async getOwnerHash(runId) {
      const [row] = await db.select({ hash: runs.ownerSecretHash }).from(runs).where(eq(runs.id, runId)).limit(1);
      return row?.hash ?? null;
    },

    getEvents(runId, afterSeq = -1) {
      return readEvents(runId, afterSeq);
    },

    async listRuns(ownerSecretHashes, page) {
      if (ownerSecretHashes.length === 0 || page.limit <= 0) return [];
      const rows = await db
        .select(summaryColumns)
        .from(runs)
        .where(
          and(
            inArray(runs.ownerSecretHash, ownerSecretHashes),
            page.before ? lt(runs.createdAt, page.before) : undefined,
          ),
        )
        .orderBy(desc(runs.createdAt), desc(runs.id))
        .limit(page.limit);
      return rows.map(toSummary);
    },

    async deleteRun(runId, ownerSecretHash) {
      const deleted = await db
        .delete(runs)
        .where(and(eq(runs.id, runId), eq(runs.ownerSecretHash, ownerSecretHash)))
        .returning({ id: runs.id });
      return deleted.length > 0;
    },

    async markInterrupted(reason) {
      const open = await db
        .select()
        .from(runs)
        .where(and(inArray(runs.status, OPEN_STATUSES), sweepDeadOnly ? runOfDeadInstance() : undefined));
      let count = 0;
      for (const row of open) {
        // One transaction per run: the status and the closing event land together, and a
        // second instance sweeping at the same time finds the run already closed.
        const closed = await db.transaction(async (tx) => {
          const exec: Database = tx;
          const events = await readEvents(row.id, -1, exec);
          const { event, end } = closeLeftOpen(row, events, reason, row.seqReserved);
          if (!(await writeEnd(row.id, end, end.agents, exec, true))) return false;
          if (event) await insertBatch(row.id, [event], exec);
          return true;
        });
        if (closed) count += 1;
      }
      return count;
    },

    async getAgentSummaries(runId) {
      const [row] = await db.select({ agents: runs.agents }).from(runs).where(eq(runs.id, runId)).limit(1);
      return row?.agents ? row.agents.map((a) => agentSummarySchema.parse(a)) : null;
    },
  };
}


/**
 * The run store on the process's database (getRunStore keeps the one per process). Opening it
 * closes out runs that a previous process left open, so their pages and replays end instead of
 * waiting forever.
 */
export async function openDbRunStore(): Promise<DbRunStore> {
  const { db, kind } = await getDbHandle();
  if (kind === "pglite") {
    const runStore = createDbRunStore(db);
    await runStore.markInterrupted("the server restarted while this run was in progress");
    return runStore;
  }
  // Several instances share PostgreSQL: only runs of instances that stopped beating are dead.
  const id = processInstanceId();
  const runStore = createDbRunStore(db, { instanceId: id, sweep: "dead-instances" });
  await beat(db, id);
  const sweep = () => runStore.markInterrupted("the server running this run stopped while it was in progress");
  await sweep();
  startHeartbeat(db, id, sweep);
  return runStore;
}

