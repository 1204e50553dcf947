import "server-only";
import { AppError } from "@/lib/errors";
import type { JudgeDeps } from "@/lib/experiments/judge-server";
import type { ChatMessage } from "@/lib/moa/conversation";
import { getRunState } from "@/lib/runs/run-manager";
import type { JudgeChoice, JudgedPair, JudgeRunsRequest } from "@/lib/wire/judge";
import { getVerdictStore } from "./store";
import { judgeBallot } from "./judge-ballot";
import type { JudgedRun } from "./verdict";

export interface RunsBallot {
  conversation: ChatMessage[];
  runs: Array<JudgedRun & { text: string }>;
}

const sameConversation = (a: ChatMessage[], b: ChatMessage[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The runs' answers as the server stored them (never as a client retells them), or a 404/409/400:
 * every run must have finished with an answer, and all must have answered the same conversation.
 */
export async function runsToJudge(runs: JudgeRunsRequest["runs"]): Promise<RunsBallot> {
  const states = await Promise.all(runs.map((r) => getRunState(r.id)));
  states.forEach((state, i) => {
    if (state.status !== "finished" || state.finalText.trim() === "") {
      throw new AppError("conflict:run_not_finished", `"${runs[i].label}" has no answer to judge: the run is ${state.status}.`);
    }
  });
  const conversation = states[0].messages;
  if (!states.every((s) => sameConversation(s.messages, conversation))) {
    throw new AppError("bad_request:runs", "The runs answered different conversations; a judge can only compare answers to the same prompt.");
  }
  return { conversation, runs: runs.map((r, i) => ({ runId: r.id, label: r.label, text: states[i].finalText })) };
}

/** Judges every pair of runs in both orders and stores each verdict under the two run ids. */
export async function judgeRuns(ballot: RunsBallot, choice: JudgeChoice, deps: JudgeDeps): Promise<JudgedPair[]> {
  const judged = await judgeBallot(ballot.conversation, ballot.runs, choice, deps);
  const run = ({ runId, label }: JudgedRun): JudgedRun => ({ runId, label });
  await (await getVerdictStore()).addRunsVerdicts(judged.map(({ a, b, verdict }) => ({ ...verdict, a: run(a), b: run(b) })));
  return judged.map((j) => j.pair);
}
