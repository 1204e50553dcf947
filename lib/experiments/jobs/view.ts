import type { ExperimentCellRow, ExperimentRow } from "@/lib/db/schema";
import { emptyProgress, gradeKey, gradeSchema, judgementSchema, receivedAnalysisSchema, runResultSchema, unitKey, type ExperimentPlan, type ExperimentProgress } from "../types";
import type { ProgressCounts } from "./store";
import { parseUnitKey } from "./units";

/** The job's cost estimate from catalog prices (cost-estimate.ts), for spent vs estimate beside the progress. */
export interface SummaryEstimate {
  usd: number;
  /** Every answer at its maxTokens. */
  ceilingUsd: number;
  tokens: number;
  unpricedModels: string[];
  simulatedOnly: boolean;
}

export interface ExperimentSummary {
  id: string;
  name: string;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  budgetUsd?: number;
  estimate?: SummaryEstimate;
  /** Units (cells and verdicts) done and in all. */
  done: number;
  total: number;
  running: number;
  costUsd: number;
  /** Time left at the pace of the last minute (else of the whole job so far); null when unknown or done. */
  etaMs: number | null;
}

/** Time left at the recent pace; before a minute of work, at the pace since the first unit started. */
export function etaMs(counts: ProgressCounts, total: number, now: number): number | null {
  const left = total - counts.done;
  if (left <= 0) return null;
  if (counts.doneLastMinute > 0) return Math.round((left / counts.doneLastMinute) * 60_000);
  if (counts.done === 0 || !counts.firstStartedAt || !counts.lastFinishedAt) return null;
  const perUnit = (counts.lastFinishedAt.getTime() - counts.firstStartedAt.getTime()) / counts.done;
  return perUnit > 0 && now - counts.lastFinishedAt.getTime() < 5 * 60_000 ? Math.round(perUnit * left) : null;
}

export function summaryOf(
  row: ExperimentRow,
  counts: ProgressCounts,
  { budgetUsd, estimate }: { budgetUsd?: number; estimate?: SummaryEstimate },
  now = Date.now(),
): ExperimentSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    ...(budgetUsd !== undefined && { budgetUsd }),
    ...(estimate && { estimate }),
    done: counts.done,
    total: row.total,
    running: counts.running,
    costUsd: counts.costUsd,
    etaMs: row.status === "running" ? etaMs(counts, row.total, now) : null,
  };
}

/** The stored units in the shape the page's tables read (the shape the browser runner kept). */
export function progressOf(plan: ExperimentPlan, units: ExperimentCellRow[]): ExperimentProgress {
  const progress = emptyProgress();
  for (const unit of units) {
    const ref = parseUnitKey(unit.key);
    const prompt = ref && plan.prompts[ref.promptIndex];
    if (unit.status !== "done" || !prompt) continue;
    const key = unitKey(prompt.id, ref.subjectId);
    if (ref.kind === "cell") {
      const parsed = runResultSchema.safeParse(unit.result);
      if (parsed.success) progress.runs[key] = parsed.data;
    } else if (ref.kind === "turn2") {
      const parsed = runResultSchema.safeParse(unit.result);
      if (parsed.success) progress.followUps[key] = parsed.data;
    } else if (ref.kind === "grade1" || ref.kind === "grade2") {
      const parsed = gradeSchema.safeParse(unit.result);
      if (parsed.success) progress.grades[gradeKey(prompt.id, ref.subjectId, parsed.data.turn)] = parsed.data;
    } else if (ref.kind === "verdict") {
      const parsed = judgementSchema.safeParse(unit.result);
      if (parsed.success) progress.judgements[key] = parsed.data;
    } else {
      const parsed = receivedAnalysisSchema.safeParse(unit.result);
      if (parsed.success) progress.received[key] = parsed.data;
    }
  }
  return progress;
}
