import "server-only";
import type { Database } from "@/lib/db/client";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunKeys } from "@/lib/wire/keys";
import { modelIdsOf } from "@/lib/security/access";
import { answerSetOf, fixedRun, NO_FIXED_ANSWER, sideLabel } from "../answer-sets";
import { receivedVariants, runResultSchema, type ExperimentPlan, type RunResult } from "../types";
import { enqueueUnits, getBoss } from "./boss";
import { hasAnswer, verdictWithoutJudge, type CellRunner } from "./cell-runner";
import { withProviderSlots } from "./provider-limits";
import * as repo from "./store";
import type { ResolvedUnit, UnitRef } from "./units";
import { followUpsDue, unitKeyOf, verdictsTouching } from "./units";

/** What a step stores for its unit, or `interrupted` when it must run again. */
export type StepOutcome = { result: unknown; costUsd: number } | "interrupted" | "dropped";

export interface StepContext {
  db: Database;
  experimentId: string;
  key: string;
  plan: ExperimentPlan;
  ownerSecretHash: string;
  runner: CellRunner;
  /** The owner's pasted keys for this unit, held in memory only; absent on server keys. */
  keys?: RunKeys;
  /** The run an earlier attempt of this unit started (its process died before storing the result). */
  earlierRunId?: string;
}

/**
 * A verdict's side: the stored cell of a variant, or an answer set's fixed answer (undefined
 * when the set has none for the prompt).
 */
async function sideResult(ctx: StepContext, unit: ResolvedUnit, sideId: string): Promise<RunResult | undefined> {
  const set = answerSetOf(ctx.plan, sideId);
  return set ? fixedRun(set, unit.prompt.id) : cellResult(ctx, unit.ref.promptIndex, sideId);
}

export async function cellResult(ctx: StepContext, promptIndex: number, variantId: string, kind: "cell" | "turn2" = "cell"): Promise<RunResult> {
  const key = unitKeyOf({ kind, promptIndex, subjectId: variantId });
  const result = runResultSchema.safeParse((await repo.doneResults(ctx.db, ctx.experimentId, [key])).get(key)).data;
  if (!result) throw new Error(`${ctx.key}: the cell ${key} has no result yet`);
  return result;
}

export function runCellStep(ctx: StepContext, unit: ResolvedUnit): Promise<StepOutcome> {
  return runConversation(ctx, unit, [{ role: "user", content: unit.prompt.prompt }]);
}

/** Runs one conversation as the unit's variant (a stored run) and keeps its result. */
export async function runConversation(ctx: StepContext, unit: ResolvedUnit, conversation: ChatMessage[], link: Partial<RunResult> = {}): Promise<StepOutcome> {
  const variant = unit.variant!;
  const answered = await withProviderSlots(modelIdsOf(variant.config), () =>
    ctx.runner.runCell(
      { experimentId: ctx.experimentId, prompt: unit.prompt, conversation, variant, ownerSecretHash: ctx.ownerSecretHash, keys: ctx.keys, earlierRunId: ctx.earlierRunId },
      { onRunStarted: (runId) => repo.setUnitRun(ctx.db, ctx.experimentId, ctx.key, runId) },
    ),
  );
  const result = { ...answered, ...link };
  if (result.status === "interrupted") return "interrupted";
  // A cancelled experiment stops its runs; what they left is not a result.
  if (result.status === "cancelled" && !repo.isLive(await repo.experimentStatus(ctx.db, ctx.experimentId))) return "dropped";
  return { result, costUsd: result.costUsd };
}

export async function verdictStep(ctx: StepContext, unit: ResolvedUnit): Promise<StepOutcome> {
  const comparison = unit.comparison!;
  const [a, b] = await Promise.all([sideResult(ctx, unit, comparison.a), sideResult(ctx, unit, comparison.b)]);
  // A reference file without this prompt says nothing about it: unreadable, left out of n.
  if (!a || !b) return { result: { winner: "tie", consistent: false, reasons: [], runIds: [], error: NO_FIXED_ANSWER }, costUsd: 0 };
  const free = verdictWithoutJudge(a, b);
  if (free) return { result: free, costUsd: 0 };
  const { judgement, costUsd } = await withProviderSlots([ctx.plan.judge], () =>
    ctx.runner.judge({
      experimentId: ctx.experimentId,
      prompt: unit.prompt,
      comparison,
      a: { label: sideLabel(ctx.plan, comparison.a), run: a },
      b: { label: sideLabel(ctx.plan, comparison.b), run: b },
      judge: ctx.plan.judge,
      ownerSecretHash: ctx.ownerSecretHash,
      keys: ctx.keys,
    }),
  );
  return { result: judgement, costUsd };
}

export async function receivedStep(ctx: StepContext, unit: ResolvedUnit): Promise<StepOutcome> {
  const run = await cellResult(ctx, unit.ref.promptIndex, unit.variant!.id);
  const analyse = ctx.runner.analyseReceived;
  if (!hasAnswer(run) || !analyse) return { result: { layers: [], error: analyse ? "the run has no answer" : "this job cannot analyse received answers" }, costUsd: 0 };
  const { analysis, costUsd } = await withProviderSlots([ctx.plan.judge], () => analyse({ run, judge: ctx.plan.judge, ownerSecretHash: ctx.ownerSecretHash, keys: ctx.keys }));
  return { result: analysis, costUsd };
}

/**
 * Queues the units a finished cell made due: each verdict whose two cells are now done (both
 * sides may do it at once: same job id, one job), the cell's received analysis, and on an
 * MT-Bench prompt its second turn and grades. False when the cell makes nothing due, so it may
 * be the experiment's last unit.
 */
export async function makeDue(ctx: StepContext, ref: UnitRef): Promise<boolean> {
  const due = unitsDueAfter(ctx.plan, ref);
  if (!due) return false;
  const done = due.needs.length > 0 ? await repo.doneResults(ctx.db, ctx.experimentId, due.needs) : new Map();
  await enqueue(ctx, due.keys((cellKey) => done.has(cellKey)));
  return true;
}

/** What a finished cell or second turn makes due, once the cells in `needs` are done too. */
interface DueUnits {
  needs: string[];
  keys(isDone: (cellKey: string) => boolean): string[];
}

/**
 * The units a finished cell (or second turn) can make due: each verdict it is a side of, due
 * once its other side's cell is done too; its received analysis; an MT-Bench prompt's second
 * turn and grades. Undefined when it makes nothing due. Shared by `makeDue` and the recovery
 * that queues what a process died before queueing (worker.ts).
 */
export function unitsDueAfter(plan: ExperimentPlan, ref: UnitRef): DueUnits | undefined {
  const { promptIndex, subjectId: variantId } = ref;
  const followUps = followUpsDue(plan, ref);
  if (ref.kind !== "cell") return followUps.length > 0 ? { needs: [], keys: () => followUps } : undefined;
  const comparisons = verdictsTouching(plan, variantId);
  const analysed = receivedVariants(plan).some((v) => v.id === variantId);
  if (comparisons.length === 0 && !analysed && followUps.length === 0) return undefined;
  const cellKey = (v: string) => unitKeyOf({ kind: "cell", promptIndex, subjectId: v });
  // An answer set's side has no cell: it is ready from the start.
  const runSides = (c: { a: string; b: string }) => [c.a, c.b].filter((side) => !answerSetOf(plan, side));
  return {
    needs: [...new Set(comparisons.flatMap((c) => runSides(c).map(cellKey)))],
    keys: (isDone) => [
      ...comparisons.filter((c) => runSides(c).every((side) => isDone(cellKey(side)))).map((c) => unitKeyOf({ kind: "verdict", promptIndex, subjectId: c.id })),
      ...(analysed ? [unitKeyOf({ kind: "received", promptIndex, subjectId: variantId })] : []),
      ...followUps,
    ],
  };
}

async function enqueue(ctx: StepContext, keys: string[]): Promise<boolean> {
  if (keys.length > 0) await enqueueUnits(await getBoss(), keys.map((key) => ({ experimentId: ctx.experimentId, key, attempt: 0 })));
  return keys.length > 0;
}
