import "server-only";
import { judgeAnswers, type JudgeDeps } from "@/lib/experiments/judge-server";
import type { ChatMessage } from "@/lib/moa/conversation";
import { hashOwnerSecret, newOwnerSecret } from "@/lib/security/owner";
import type { JudgeChoice, JudgedPair } from "@/lib/wire/judge";
import type { NewRunsVerdict, VerdictCore } from "./verdict";

/** An answer on a ballot; labels are unique on a ballot. */
export interface BallotEntry {
  label: string;
  text: string;
}

/** What every stored verdict of one judging shares, whatever was judged. */
type StorableVerdict = Pick<VerdictCore, "judge" | "winner" | "consistent" | "reasons" | "error" | "judgeRunIds"> & Pick<NewRunsVerdict, "ownerSecretHash">;

export interface JudgedBallotPair<T> {
  /** As `judgeAnswers` returned it: labels, verdict and judge runs. */
  pair: JudgedPair;
  a: T;
  b: T;
  verdict: StorableVerdict;
}

/** Judges every pair of entries in both orders on behalf of `choice.owner`; each result names its two entries. */
export async function judgeBallot<T extends BallotEntry>(
  conversation: ChatMessage[],
  entries: T[],
  choice: JudgeChoice,
  deps: JudgeDeps,
): Promise<Array<JudgedBallotPair<T>>> {
  const answers = entries.map(({ label, text }) => ({ label, text }));
  const pairs = await judgeAnswers({ ...choice, conversation, answers }, deps);
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  const entry = (label: string): T => {
    const found = byLabel.get(label);
    if (!found) throw new Error(`the judge answered about "${label}", which is not on the ballot`);
    return found;
  };
  const ownerSecretHash = hashOwnerSecret(choice.owner ?? newOwnerSecret());
  return pairs.map((pair) => ({
    pair,
    a: entry(pair.a),
    b: entry(pair.b),
    verdict: {
      judge: choice.judge,
      winner: pair.verdict.winner,
      consistent: pair.verdict.consistent,
      reasons: pair.verdict.reasons,
      ...(pair.verdict.error !== undefined && { error: pair.verdict.error }),
      judgeRunIds: pair.runIds,
      ownerSecretHash,
    },
  }));
}
