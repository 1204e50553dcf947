import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunKeys } from "@/lib/wire/keys";
import type { Comparison, ExperimentPrompt, Grade, Judgement, ReceivedAnalysis, RunResult, VariantSpec } from "../types";

/** Everything a cell needs: the prompt as a conversation, the variant, on whose behalf. */
export interface CellInput {
  experimentId: string;
  prompt: ExperimentPrompt;
  conversation: ChatMessage[];
  variant: VariantSpec;
  /** The hash of the experiment owner's secret: the cell's run is filed under it, like a playground run. */
  ownerSecretHash: string;
  /** The owner's pasted keys, from this process's memory (keyring.ts); absent when the job runs on server keys. */
  keys?: RunKeys;
  /**
   * The run an earlier attempt of this cell started before its process died. If that run
   * finished, it is the cell's answer: running the cell again would answer it twice.
   */
  earlierRunId?: string;
}

/** One side of a verdict: a variant's cell, or an answer set's fixed answer (no run id). */
export interface JudgedSide {
  label: string;
  run: RunResult;
}

export interface VerdictInput {
  experimentId: string;
  prompt: ExperimentPrompt;
  comparison: Comparison;
  a: JudgedSide;
  b: JudgedSide;
  judge: string;
  ownerSecretHash: string;
  keys?: RunKeys;
}

/** One turn of an MT-Bench conversation: the user's question and the variant's answer. */
export interface GradedTurn {
  question: string;
  answer: string;
  /** The benchmark's reference answer for this turn, if it has one. */
  reference?: string;
}

/** Single-answer grading: the judge sees the turns so far and rates the last answer 1–10. */
export interface GradeInput {
  experimentId: string;
  prompt: ExperimentPrompt;
  variant: VariantSpec;
  /** Turn 1 alone, or turn 1 as context and turn 2 to grade. */
  turns: GradedTurn[];
  judge: string;
  ownerSecretHash: string;
  keys?: RunKeys;
}

export interface GradeOutcome {
  grade: Grade;
  costUsd: number;
}

export interface VerdictOutcome {
  judgement: Judgement;
  /** What the judge runs cost. */
  costUsd: number;
}

/**
 * How a job turns units into results. The server's runner (server-cell-runner.ts) starts normal
 * runs through the run manager; a suite (MT-Bench turns, MATH exact match) plugs in its own.
 * `onRunStarted` lets the job record the run id before the run ends, so a cancel can reach it.
 */
export interface CellRunner {
  runCell(input: CellInput, hooks: { onRunStarted(runId: string): Promise<void> }): Promise<RunResult>;
  judge(input: VerdictInput): Promise<VerdictOutcome>;
  /** Judges the answers each aggregator of a finished cell received; without it a plan's `received` variants are not analysed. */
  analyseReceived?(input: { run: RunResult; judge: string; ownerSecretHash: string; keys?: RunKeys }): Promise<{ analysis: ReceivedAnalysis; costUsd: number }>;
  /** Grades one turn's answer 1–10 (MT-Bench); without it a plan's two-turn prompts get no scores. */
  grade?(input: GradeInput): Promise<GradeOutcome>;
}

export const hasAnswer = (r: RunResult) => r.status === "finished" && r.text.trim() !== "";

/** A side without an answer loses to one with an answer; two without answers tie, no judge needed. */
export function verdictWithoutJudge(a: RunResult, b: RunResult): Judgement | undefined {
  if (hasAnswer(a) && hasAnswer(b)) return undefined;
  const winner = hasAnswer(a) ? "a" : hasAnswer(b) ? "b" : "tie";
  return { winner, consistent: true, reasons: ["one side produced no answer"], runIds: [] };
}
