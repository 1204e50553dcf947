import "server-only";
import { runFigures } from "@/lib/analysis/cost";
import type { PairVerdict } from "@/lib/analysis/win-rate";
import type { RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import { followRun } from "@/lib/runs/follow";
import { getRunState, runStored, startRun } from "@/lib/runs/run-manager";
import { singleModel } from "@/lib/moa/variants";
import { gradingMessages, parseRating } from "@/lib/suites/mt-bench-grading";
import { judgeBallot } from "@/lib/verdicts/judge-ballot";
import { getVerdictStore } from "@/lib/verdicts/store";
import type { RunKeys } from "@/lib/wire/keys";
import { judgeAnswers, type JudgeDeps } from "../judge-server";
import { inputsToJudge, receivedLayers } from "../received";
import { runResultOf } from "../run-result";
import type { Grade, Judgement } from "../types";
import type { CellRunner } from "./cell-runner";

/**
 * Judge runs started here belong to the experiment's owner, as its cells do, and use the owner's
 * pasted keys when the job has them; their end states are kept for the cost.
 */
function judgeDeps(ownerSecretHash: string, ended: RunState[], keys: RunKeys | undefined): JudgeDeps {
  return {
    startRun: (request) => startRun({ ...request, ...(keys && { keys }) }, { ownerSecretHash }),
    waitForRun: async (id) => {
      const state = (await followRun(id)).state;
      await runStored(id);
      ended.push(state);
      return state;
    },
  };
}

/** The run's end state if it finished; undefined for a run that was interrupted, failed or is gone. */
async function finishedRun(id: string): Promise<RunState | undefined> {
  try {
    const followed = await followRun(id);
    return followed.end?.type === "run-finished" ? followed.state : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cells as normal runs of this server (stored, shareable by link, in the owner's history);
 * verdicts judged as Compare judges them and stored under the owner, so Insights counts them.
 * The answers judged are the cells' stored results: the job recorded them from the runs' ends.
 */
export const serverCellRunner: CellRunner = {
  async runCell({ variant, conversation, ownerSecretHash, keys, earlierRunId }, { onRunStarted }) {
    const earlier = earlierRunId ? await finishedRun(earlierRunId) : undefined;
    if (earlier) return runResultOf(earlier);
    const { id } = await startRun({ config: variant.config, messages: conversation, variant: variant.variant, preset: "experiment", ...(keys && { keys }) }, { ownerSecretHash });
    await onRunStarted(id);
    const state = (await followRun(id)).state;
    await runStored(id);
    return runResultOf(state);
  },
  async judge({ a, b, judge, ownerSecretHash, prompt, keys }) {
    const ended: RunState[] = [];
    const ballot = [
      { runId: a.run.runId, label: a.label, text: a.run.text },
      { runId: b.run.runId, label: b.label, text: b.run.text },
    ];
    const conversation = [{ role: "user" as const, content: prompt.prompt }];
    const [judged] = await judgeBallot(conversation, ballot, { judge }, judgeDeps(ownerSecretHash, ended, keys));
    // Insights compares runs: a verdict against fixed answers (no run) stays with the experiment only.
    if (judged.a.runId && judged.b.runId) {
      await (await getVerdictStore()).addRunsVerdicts([
        { ...judged.verdict, ownerSecretHash, a: { runId: judged.a.runId, label: judged.a.label }, b: { runId: judged.b.runId, label: judged.b.label } },
      ]);
    }
    const { verdict, runIds } = judged.pair;
    // The judge names the sides by label; side a must be the comparison's a.
    const flip = judged.pair.a !== a.label;
    const winner = !flip || verdict.winner === "tie" ? verdict.winner : verdict.winner === "a" ? "b" : "a";
    const judgement: Judgement = { winner, consistent: verdict.consistent, reasons: verdict.reasons, runIds, ...(verdict.error && { error: verdict.error }) };
    return { judgement, costUsd: costOf(ended) };
  },
  /** As the page did it: every pair of each aggregating layer's inputs, judged in both orders (not stored as verdicts). */
  async analyseReceived({ run, judge, ownerSecretHash, keys }) {
    const ended: RunState[] = [];
    const state = await getRunState(run.runId);
    const verdicts = new Map<number, PairVerdict<number>[]>();
    for (const { layer, inputs } of inputsToJudge(state)) {
      const label = (agent: number) => `#${agent + 1} ${inputs.find((a) => a.agent === agent)?.model}`;
      const agentOf = new Map(inputs.map((a) => [label(a.agent), a.agent]));
      const answers = inputs.map((a) => ({ label: label(a.agent), text: a.text }));
      const pairs = await judgeAnswers({ conversation: state.messages, judge, answers }, judgeDeps(ownerSecretHash, ended, keys));
      verdicts.set(
        layer,
        pairs.map((p) => ({ a: agentOf.get(p.a) ?? -1, b: agentOf.get(p.b) ?? -1, winner: p.verdict.winner, unreadable: p.verdict.error !== undefined })),
      );
    }
    return { analysis: { layers: receivedLayers(state, verdicts) }, costUsd: costOf(ended) };
  },
  /** MT-Bench single-answer grading: one judge run (temperature 0) reading the turns, its `[[rating]]` parsed. */
  async grade({ turns, judge, ownerSecretHash, keys }) {
    const ended: RunState[] = [];
    const deps = judgeDeps(ownerSecretHash, ended, keys);
    const { id } = await deps.startRun({ config: singleModel({ model: judge, temperature: 0 }), messages: gradingMessages(turns), preset: "judge" });
    const state = await deps.waitForRun(id);
    const turn = turns.length === 2 ? 2 : 1;
    const score = state.status === "finished" ? parseRating(state.finalText) : undefined;
    const error =
      state.status !== "finished"
        ? `the judge run ${state.status}${state.error ? `: ${state.error}` : ""}`
        : `no [[rating]] from 1 to 10 in the judge's reply: "${state.finalText.trim().slice(-120)}"`;
    const grade: Grade = { turn, runIds: [id], ...(score !== undefined ? { score } : { error }) };
    return { grade, costUsd: costOf(ended) };
  },
};

function costOf(states: RunState[]): number {
  return states.reduce((sum, state) => sum + runFigures(state, lookupModel).total.costUsd, 0);
}
