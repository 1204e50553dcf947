import "server-only";
import pLimit from "p-limit";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunState } from "@/lib/moa/run-state";
import { buildJudgeMessages, combineSwappedVerdicts, parseJudgeVerdict, singleModel, type JudgeVerdict } from "@/lib/moa/variants";
import type { JudgedPair, JudgeRequest } from "@/lib/wire/judge";
import { DEFAULT_RATE_LIMITS } from "@/lib/security/rate-limit";
import type { RunRequest } from "@/lib/wire/run-request";

export interface JudgeDeps {
  startRun(request: RunRequest): Promise<{ id: string }>;
  /** Resolves with the run's state once it has ended. */
  waitForRun(id: string): Promise<RunState>;
}

function verdictOf(state: RunState): JudgeVerdict | { error: string } {
  if (state.status !== "finished") return { error: `the judge run ${state.status}${state.error ? `: ${state.error}` : ""}` };
  return parseJudgeVerdict(state.finalText);
}

/**
 * Judge runs of one judging that run at once: as many as one client may run by default
 * (MOA_MAX_CONCURRENT_RUNS, 8). Eight answers make 28 pairs, 56 runs; sent all at once, a real
 * provider answers most of them with 429s.
 */
export const JUDGE_RUNS_AT_ONCE = DEFAULT_RATE_LIMITS.maxConcurrent;

async function judgeOnce(request: JudgeRequest, first: string, second: string, deps: JudgeDeps) {
  const messages: ChatMessage[] = buildJudgeMessages(request.conversation, first, second);
  const started = await deps.startRun({
    config: singleModel({ model: request.judge, temperature: 0 }),
    messages,
    keys: request.keys,
    owner: request.owner,
    preset: "judge",
  });
  return { id: started.id, verdict: verdictOf(await deps.waitForRun(started.id)) };
}

/** Judges each pair twice, in both orders, as runs of a one-agent config; a flip is a tie. */
export async function judgeAnswers(request: JudgeRequest, deps: JudgeDeps): Promise<JudgedPair[]> {
  const { answers } = request;
  const pairs = request.pairs ?? answers.flatMap((_, i) => answers.slice(i + 1).map((_, k) => [i, i + 1 + k] as [number, number]));
  const limit = pLimit(JUDGE_RUNS_AT_ONCE);
  return Promise.all(
    pairs.map(async ([i, j]) => {
      const [forward, backward] = await Promise.all([
        limit(() => judgeOnce(request, answers[i].text, answers[j].text, deps)),
        limit(() => judgeOnce(request, answers[j].text, answers[i].text, deps)),
      ]);
      const runIds: [string, string] = [forward.id, backward.id];
      const a = answers[i].label;
      const b = answers[j].label;
      if ("error" in forward.verdict || "error" in backward.verdict) {
        const error = "error" in forward.verdict ? forward.verdict.error : (backward.verdict as { error: string }).error;
        return { a, b, runIds, verdict: { winner: "tie" as const, consistent: false, reasons: [], error } };
      }
      const combined = combineSwappedVerdicts(forward.verdict, backward.verdict);
      const winner = combined.winner === "first" ? "a" : combined.winner === "second" ? "b" : "tie";
      return { a, b, runIds, verdict: { winner, consistent: combined.consistent, reasons: combined.reasons } };
    }),
  );
}
