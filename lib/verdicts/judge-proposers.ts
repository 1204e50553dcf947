import "server-only";
import { judgeableProposers, MIN_PROPOSERS_TO_JUDGE } from "@/lib/analysis/proposer-quality";
import { AppError } from "@/lib/errors";
import type { JudgeDeps } from "@/lib/experiments/judge-server";
import type { ChatMessage } from "@/lib/moa/conversation";
import { findRun } from "@/lib/runs/history";
import { getRunState } from "@/lib/runs/run-manager";
import { MAX_JUDGE_ANSWERS, type JudgeChoice } from "@/lib/wire/judge";
import { getVerdictStore } from "./store";
import { judgeBallot } from "./judge-ballot";
import type { JudgedProposer, ProposerVerdict } from "./verdict";

/** What a judge of a run's proposers compares: the run's conversation and the answers its final aggregator received. */
export interface ProposerBallot {
  runId: string;
  conversation: ChatMessage[];
  proposers: Array<JudgedProposer & { text: string }>;
}

/** The answers to judge, or a 404/409/400 that says why this run has none worth judging. */
export async function proposersToJudge(runId: string): Promise<ProposerBallot> {
  const state = await getRunState(runId);
  if (state.status !== "finished") {
    throw new AppError("conflict:run_not_finished", `Only a finished run's proposers can be judged; this run is ${state.status}.`);
  }
  const received = judgeableProposers(state);
  if (received.length < MIN_PROPOSERS_TO_JUDGE) {
    const what = state.agents.length < 2 ? "this run has a single layer, so nothing was aggregated" : `its final aggregator received ${received.length}`;
    throw new AppError(
      "bad_request:proposers",
      `Judging the proposers needs at least ${MIN_PROPOSERS_TO_JUDGE} finished proposer answers for a meaningful Spearman ρ; ${what}.`,
    );
  }
  return {
    runId,
    conversation: state.messages,
    proposers: received.slice(0, MAX_JUDGE_ANSWERS).map((a) => ({ agent: a.agent, label: `#${a.agent + 1} ${a.model}`, text: a.text })),
  };
}

/** Judges every pair of the ballot in both orders and stores the verdicts, replacing this judge's earlier ones for the run. */
export async function judgeProposers(ballot: ProposerBallot, choice: JudgeChoice, deps: JudgeDeps): Promise<ProposerVerdict[]> {
  const judged = await judgeBallot(ballot.conversation, ballot.proposers, choice, deps);
  const proposer = ({ agent, label }: JudgedProposer): JudgedProposer => ({ agent, label });
  const verdicts = judged.map(({ a, b, verdict }) => ({ ...verdict, runId: ballot.runId, a: proposer(a), b: proposer(b) }));
  return (await getVerdictStore()).replaceProposerVerdicts(ballot.runId, choice.judge, verdicts);
}

/** Every judge's stored verdicts on the run's proposers; 404 when the run does not exist. */
export async function storedProposerVerdicts(runId: string): Promise<ProposerVerdict[]> {
  await findRun(runId);
  return (await getVerdictStore()).listProposerVerdicts(runId);
}
