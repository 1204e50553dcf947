import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { judgeVerdicts, type JudgeVerdictRow } from "@/lib/db/schema";
import { VERDICT_WINNERS, type NewProposerVerdict, type NewRunsVerdict, type ProposerVerdict, type RunsVerdict, type VerdictCore, type VerdictStore } from "./verdict";

const reasonsSchema = z.array(z.string());
const winnerSchema = z.enum(VERDICT_WINNERS);

type NewRow = typeof judgeVerdicts.$inferInsert;

function coreOf(row: JudgeVerdictRow): VerdictCore {
  return {
    id: row.id,
    judge: row.judgeModel,
    winner: winnerSchema.parse(row.winner),
    consistent: row.consistent,
    // Stored JSON goes back through its schema: a row written by an older version must still read.
    reasons: reasonsSchema.parse(row.reasons),
    ...(row.error !== null && { error: row.error }),
    judgeRunIds: [row.forwardJudgeRunId, row.swappedJudgeRunId],
    createdAt: row.createdAt,
  };
}

/** The columns of the other kind are null; those of a verdict's own kind never are. */
function present<T>(value: T | null, column: string): T {
  if (value === null) throw new Error(`judge_verdicts.${column} is null`);
  return value;
}

function toProposerVerdict(row: JudgeVerdictRow): ProposerVerdict {
  return {
    ...coreOf(row),
    runId: present(row.runId, "run_id"),
    a: { agent: present(row.aAgent, "a_agent"), label: row.aLabel },
    b: { agent: present(row.bAgent, "b_agent"), label: row.bLabel },
  };
}

function toRunsVerdict(row: JudgeVerdictRow): RunsVerdict {
  return {
    ...coreOf(row),
    a: { runId: present(row.aRunId, "a_run_id"), label: row.aLabel },
    b: { runId: present(row.bRunId, "b_run_id"), label: row.bLabel },
  };
}

function coreRow(v: NewProposerVerdict | NewRunsVerdict) {
  return {
    id: randomUUID(),
    judgeModel: v.judge,
    winner: v.winner,
    consistent: v.consistent,
    reasons: v.reasons,
    error: v.error ?? null,
    forwardJudgeRunId: v.judgeRunIds[0],
    swappedJudgeRunId: v.judgeRunIds[1],
    ownerSecretHash: v.ownerSecretHash,
    createdAt: new Date(),
  };
}

function proposerRow(v: NewProposerVerdict): NewRow {
  return { ...coreRow(v), kind: "proposers", runId: v.runId, aAgent: v.a.agent, bAgent: v.b.agent, aLabel: v.a.label, bLabel: v.b.label };
}

function runsRow(v: NewRunsVerdict): NewRow {
  return { ...coreRow(v), kind: "runs", aRunId: v.a.runId, bRunId: v.b.runId, aLabel: v.a.label, bLabel: v.b.label };
}

export function createDbVerdictStore(db: Database): VerdictStore {
  return {
    async replaceProposerVerdicts(runId, judge, verdicts) {
      // One transaction: a viewer never sees a judge's old and new verdicts mixed.
      const rows = await db.transaction(async (tx) => {
        await tx
          .delete(judgeVerdicts)
          .where(and(eq(judgeVerdicts.kind, "proposers"), eq(judgeVerdicts.runId, runId), eq(judgeVerdicts.judgeModel, judge)));
        return verdicts.length === 0 ? [] : tx.insert(judgeVerdicts).values(verdicts.map(proposerRow)).returning();
      });
      return rows.map(toProposerVerdict);
    },
    async listProposerVerdicts(runId) {
      const rows = await db
        .select()
        .from(judgeVerdicts)
        .where(and(eq(judgeVerdicts.kind, "proposers"), eq(judgeVerdicts.runId, runId)))
        .orderBy(asc(judgeVerdicts.createdAt));
      return rows.map(toProposerVerdict);
    },
    async addRunsVerdicts(verdicts) {
      if (verdicts.length === 0) return [];
      const rows = await db.insert(judgeVerdicts).values(verdicts.map(runsRow)).returning();
      return rows.map(toRunsVerdict);
    },
    async listRunsVerdicts(ownerSecretHash, limit) {
      const rows = await db
        .select()
        .from(judgeVerdicts)
        .where(and(eq(judgeVerdicts.kind, "runs"), eq(judgeVerdicts.ownerSecretHash, ownerSecretHash)))
        .orderBy(desc(judgeVerdicts.createdAt))
        .limit(limit);
      return rows.map(toRunsVerdict);
    },
  };
}
