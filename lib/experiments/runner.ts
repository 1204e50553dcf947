import type { ChatMessage } from "@/lib/moa/conversation";
import type { ExperimentPlan, ExperimentProgress, ExperimentPrompt, Judgement, RunResult, VariantSpec } from "./types";
import { unitKey } from "./types";

export interface RunnerDeps {
  /** Runs one variant on one prompt to its end. Rejects only when `signal` aborted. */
  runVariant(variant: VariantSpec, conversation: ChatMessage[], signal: AbortSignal): Promise<RunResult>;
  /** Judges `variant` (as "first") against `reference` (as "second") in both orders. */
  judge(input: { conversation: ChatMessage[]; variant: string; reference: string; judge: string }, signal: AbortSignal): Promise<Judgement>;
  /** Called with the new progress after every finished step (persist it here). */
  onProgress(progress: ExperimentProgress): void;
}

export interface RunnerOptions {
  /** Runs and judge calls in flight at once. */
  concurrency: number;
  signal: AbortSignal;
}

/** A FIFO limit on how many async jobs run at once. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async function run<T>(job: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      release();
    }
  };
}

export function totalSteps(plan: ExperimentPlan): number {
  return plan.prompts.length * (plan.variants.length + plan.variants.length - 1);
}

export function doneSteps(plan: ExperimentPlan, progress: ExperimentProgress): number {
  let done = 0;
  for (const p of plan.prompts) {
    for (const v of plan.variants) {
      if (progress.runs[unitKey(p.id, v.id)]) done++;
      if (v.id !== plan.reference && progress.judgements[unitKey(p.id, v.id)]) done++;
    }
  }
  return done;
}

/** A variant without an answer loses to one with an answer; two without answers tie, no judge needed. */
function judgeWithoutAnswers(variant: RunResult, reference: RunResult): Judgement | undefined {
  const has = (r: RunResult) => r.status === "finished" && r.text.trim() !== "";
  if (has(variant) && has(reference)) return undefined;
  const winner = has(variant) ? "variant" : has(reference) ? "reference" : "tie";
  return { winner, consistent: true, reasons: ["one side produced no answer"], runIds: [] };
}

/**
 * Runs every variant on every prompt, then judges each variant against the reference, skipping
 * whatever `progress` already holds: after an interruption, calling it again with the saved
 * progress continues where it stopped. Steps cut short by `signal` are not recorded.
 * Returns the final progress (complete unless aborted).
 */
export async function runExperiment(
  plan: ExperimentPlan,
  initial: ExperimentProgress,
  deps: RunnerDeps,
  options: RunnerOptions,
): Promise<ExperimentProgress> {
  let progress: ExperimentProgress = { runs: { ...initial.runs }, judgements: { ...initial.judgements } };
  const limit = createLimiter(Math.max(1, options.concurrency));
  const { signal } = options;
  const reference = plan.variants.find((v) => v.id === plan.reference);
  if (!reference) throw new Error(`the reference variant "${plan.reference}" is not among the variants`);

  const record = (patch: (p: ExperimentProgress) => ExperimentProgress) => {
    progress = patch(progress);
    deps.onProgress(progress);
  };

  const runUnit = async (prompt: ExperimentPrompt, variant: VariantSpec, conversation: ChatMessage[]): Promise<RunResult | undefined> => {
    const key = unitKey(prompt.id, variant.id);
    const saved = progress.runs[key];
    if (saved) return saved;
    return limit(async () => {
      if (signal.aborted) return undefined;
      try {
        const result = await deps.runVariant(variant, conversation, signal);
        if (signal.aborted) return undefined;
        record((p) => ({ ...p, runs: { ...p.runs, [key]: result } }));
        return result;
      } catch (error) {
        if (signal.aborted) return undefined;
        throw error;
      }
    });
  };

  const judgeUnit = async (prompt: ExperimentPrompt, variant: VariantSpec, conversation: ChatMessage[], mine: RunResult, ref: RunResult) => {
    const key = unitKey(prompt.id, variant.id);
    if (progress.judgements[key]) return;
    const decided = judgeWithoutAnswers(mine, ref);
    const judgement =
      decided ??
      (await limit(async () => {
        if (signal.aborted) return undefined;
        try {
          return await deps.judge({ conversation, variant: mine.text, reference: ref.text, judge: plan.judge }, signal);
        } catch (error) {
          if (signal.aborted) return undefined;
          const message = error instanceof Error ? error.message : "the judge failed";
          return { winner: "tie" as const, consistent: false, reasons: [], runIds: [], error: message };
        }
      }));
    if (!judgement || signal.aborted) return;
    record((p) => ({ ...p, judgements: { ...p.judgements, [key]: judgement } }));
  };

  const perPrompt = async (prompt: ExperimentPrompt) => {
    const conversation: ChatMessage[] = [{ role: "user", content: prompt.prompt }];
    const results = await Promise.all(plan.variants.map((v) => runUnit(prompt, v, conversation)));
    const ref = results[plan.variants.indexOf(reference)];
    if (!ref) return;
    await Promise.all(
      plan.variants.map((v, i) => {
        const mine = results[i];
        return v.id === reference.id || !mine ? undefined : judgeUnit(prompt, v, conversation, mine, ref);
      }),
    );
  };

  await Promise.all(plan.prompts.map(perPrompt));
  return progress;
}
