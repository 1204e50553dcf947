import { z } from "zod";
import { modelIdSchema } from "@/lib/moa/config";
import { conversationSchema, type ChatMessage } from "@/lib/moa/conversation";
import { isTerminal } from "@/lib/moa/events";
import { LIMITS } from "@/lib/moa/limits";
import { initialRunState, reduceRun, type RunState } from "@/lib/moa/run-state";
import { buildJudgeMessages, combineSwappedVerdicts, parseJudgeVerdict, singleModel, type JudgeVerdict } from "@/lib/moa/variants";
import { runKeysSchema } from "@/lib/providers/keys";
import type { RunRequest } from "@/lib/runs/run-request";
import { ownerSecretSchema } from "@/lib/wire/owner";

export const MAX_JUDGE_ANSWERS = 8;

/** Who judges, with which keys, on whose behalf: what every judge request carries besides the answers. */
export const judgeChoiceSchema = z.object({
  judge: modelIdSchema,
  keys: runKeysSchema.optional(),
  owner: ownerSecretSchema.optional(),
});
export type JudgeChoice = z.infer<typeof judgeChoiceSchema>;

/** Body of `POST /api/judge`. */
export const judgeRequestSchema = judgeChoiceSchema
  .extend({
    conversation: conversationSchema,
    answers: z
      .array(z.object({ label: z.string().min(1).max(200), text: z.string().max(LIMITS.maxConversationChars) }))
      .min(2, "give at least two answers to compare")
      .max(MAX_JUDGE_ANSWERS, `at most ${MAX_JUDGE_ANSWERS} answers`),
    /** Which pairs of `answers` (0-based indices) to judge; every pair when absent. */
    pairs: z
      .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
      .max(28)
      .optional(),
  })
  .refine((r) => (r.pairs ?? []).every(([a, b]) => a !== b && a < r.answers.length && b < r.answers.length), "pairs must name two different answers");
export type JudgeRequest = z.infer<typeof judgeRequestSchema>;

export interface PairVerdict {
  winner: "a" | "b" | "tie";
  /** Both orders agreed; a verdict that flipped with the order is shown as a tie. */
  consistent: boolean;
  reasons: string[];
  /** The judge's reply could not be read (or the judge run failed); `winner` is then "tie" but the verdict leaves n. */
  error?: string;
}

export interface JudgedPair {
  a: string;
  b: string;
  verdict: PairVerdict;
  /** The two judge runs: (a, b) then (b, a). Stored like any run, so they can be opened and costed. */
  runIds: [string, string];
}

export interface JudgeDeps {
  startRun(request: RunRequest): Promise<{ id: string }>;
  /** Resolves with the run's state once it has ended. */
  waitForRun(id: string): Promise<RunState>;
}

/** Follows a run's events to its end; works for runs of this instance and stored ones alike. */
export async function waitForRunEnd(
  openEventStream: (id: string, afterSeq: number, signal: AbortSignal) => Promise<AsyncIterable<import("@/lib/moa/events").RunEvent>>,
  id: string,
): Promise<RunState> {
  let state = initialRunState(id);
  for await (const event of await openEventStream(id, -1, new AbortController().signal)) {
    state = reduceRun(state, event);
    if (isTerminal(event)) break;
  }
  return state;
}

function verdictOf(state: RunState): JudgeVerdict | { error: string } {
  if (state.status !== "finished") return { error: `the judge run ${state.status}${state.error ? `: ${state.error}` : ""}` };
  return parseJudgeVerdict(state.finalText);
}

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
  return Promise.all(
    pairs.map(async ([i, j]) => {
      const [forward, backward] = await Promise.all([
        judgeOnce(request, answers[i].text, answers[j].text, deps),
        judgeOnce(request, answers[j].text, answers[i].text, deps),
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
