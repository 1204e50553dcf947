import type { ChatMessage } from "@/lib/moa/conversation";
import type { Comparison, ExperimentPlan, ExperimentProgress, ExperimentPrompt, Judgement, ReceivedAnalysis, RunResult, VariantSpec } from "./types";
import { comparisonsOf, receivedVariants, unitKey } from "./types";

export interface JudgeInput {
  conversation: ChatMessage[];
  comparison: Comparison;
  /** The two runs, side `a` first; both finished with an answer. */
  a: { variant: VariantSpec; run: RunResult };
  b: { variant: VariantSpec; run: RunResult };
  judge: string;
}

export interface RunnerDeps {
  /** Runs one variant on one prompt to its end. Rejects only when `signal` aborted. */
  runVariant(variant: VariantSpec, conversation: ChatMessage[], signal: AbortSignal): Promise<RunResult>;
  /** Judges side `a` against side `b` in both orders; the judgement's winner is "a", "b" or "tie". */
  judge(input: JudgeInput, signal: AbortSignal): Promise<Judgement>;
  /** Judges the answers each aggregator of a finished run received (for the similarity–quality ρ). */
  analyseReceived?(input: { variant: VariantSpec; run: RunResult; judge: string }, signal: AbortSignal): Promise<ReceivedAnalysis>;
  /** Called with the new progress after every finished step (persist it here). */
  onProgress(progress: ExperimentProgress): void;
}

export interface RunnerOptions {
  /** Runs and judge calls in flight at once. */
  concurrency: number;
  signal: AbortSignal;
}

/** A request that got no answer at all: fetch rejects with a TypeError, or an AbortError when the page goes away. */
function unreachable(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === "AbortError");
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
  return plan.prompts.length * (plan.variants.length + comparisonsOf(plan).length + receivedVariants(plan).length);
}

export function doneSteps(plan: ExperimentPlan, progress: ExperimentProgress): number {
  const comparisons = comparisonsOf(plan);
  const analysed = receivedVariants(plan);
  let done = 0;
  for (const p of plan.prompts) {
    done += plan.variants.filter((v) => progress.runs[unitKey(p.id, v.id)]).length;
    done += comparisons.filter((c) => progress.judgements[unitKey(p.id, c.id)]).length;
    done += analysed.filter((v) => progress.received[unitKey(p.id, v.id)]).length;
  }
  return done;
}

const hasAnswer = (r: RunResult) => r.status === "finished" && r.text.trim() !== "";

/** A side without an answer loses to one with an answer; two without answers tie, no judge needed. */
function judgeWithoutAnswers(a: RunResult, b: RunResult): Judgement | undefined {
  if (hasAnswer(a) && hasAnswer(b)) return undefined;
  const winner = hasAnswer(a) ? "a" : hasAnswer(b) ? "b" : "tie";
  return { winner, consistent: true, reasons: ["one side produced no answer"], runIds: [] };
}

/**
 * Runs every variant on every prompt, then judges each comparison (and, for the variants the
 * plan names, the answers their aggregators received), skipping whatever `progress` already
 * holds: after an interruption, calling it again with the saved progress continues where it
 * stopped. Steps cut short by `signal` are not recorded.
 * Returns the final progress (complete unless aborted).
 */
export async function runExperiment(
  plan: ExperimentPlan,
  initial: ExperimentProgress,
  deps: RunnerDeps,
  options: RunnerOptions,
): Promise<ExperimentProgress> {
  let progress: ExperimentProgress = { runs: { ...initial.runs }, judgements: { ...initial.judgements }, received: { ...initial.received } };
  const limit = createLimiter(Math.max(1, options.concurrency));
  const { signal } = options;
  const comparisons = comparisonsOf(plan);
  const variantOf = new Map(plan.variants.map((v) => [v.id, v]));
  for (const c of comparisons) {
    if (!variantOf.has(c.a) || !variantOf.has(c.b)) {
      throw new Error(plan.comparisons ? `the comparison "${c.label}" names a variant the plan does not have` : `the reference variant "${plan.reference}" is not among the variants`);
    }
  }
  const analysed = receivedVariants(plan);

  const record = (patch: (p: ExperimentProgress) => ExperimentProgress) => {
    progress = patch(progress);
    deps.onProgress(progress);
  };

  /**
   * Runs `job` under the limit; undefined when aborted. A judge step whose judge failed is recorded
   * through `onError`; one that never reached a judge (offline, the page unloading) is not: it
   * judged nothing, so it stops the experiment and a resume asks again.
   */
  const step = <T>(job: () => Promise<T>, onError?: (message: string) => T) =>
    limit(async () => {
      if (signal.aborted) return undefined;
      try {
        const value = await job();
        return signal.aborted ? undefined : value;
      } catch (error) {
        if (signal.aborted || !onError || unreachable(error)) {
          if (signal.aborted) return undefined;
          throw error;
        }
        return onError(error instanceof Error ? error.message : "the judge failed");
      }
    });

  const runUnit = async (prompt: ExperimentPrompt, variant: VariantSpec, conversation: ChatMessage[]): Promise<RunResult | undefined> => {
    const key = unitKey(prompt.id, variant.id);
    if (progress.runs[key]) return progress.runs[key];
    const result = await step(() => deps.runVariant(variant, conversation, signal));
    if (result) record((p) => ({ ...p, runs: { ...p.runs, [key]: result } }));
    return result;
  };

  const judgeUnit = async (prompt: ExperimentPrompt, comparison: Comparison, conversation: ChatMessage[], runs: Map<string, RunResult>) => {
    const key = unitKey(prompt.id, comparison.id);
    const [a, b] = [runs.get(comparison.a), runs.get(comparison.b)];
    if (progress.judgements[key] || !a || !b) return;
    const judgement =
      judgeWithoutAnswers(a, b) ??
      (await step(
        () =>
          deps.judge(
            { conversation, comparison, a: { variant: variantOf.get(comparison.a)!, run: a }, b: { variant: variantOf.get(comparison.b)!, run: b }, judge: plan.judge },
            signal,
          ),
        (error): Judgement => ({ winner: "tie", consistent: false, reasons: [], runIds: [], error }),
      ));
    if (!judgement || signal.aborted) return;
    record((p) => ({ ...p, judgements: { ...p.judgements, [key]: judgement } }));
  };

  const analyseUnit = async (prompt: ExperimentPrompt, variant: VariantSpec, run: RunResult | undefined) => {
    const key = unitKey(prompt.id, variant.id);
    if (progress.received[key] || !run || !deps.analyseReceived) return;
    const analyse = deps.analyseReceived;
    const analysis = hasAnswer(run)
      ? await step(
          () => analyse({ variant, run, judge: plan.judge }, signal),
          (error): ReceivedAnalysis => ({ layers: [], error }),
        )
      : { layers: [], error: "the run has no answer" };
    if (!analysis || signal.aborted) return;
    record((p) => ({ ...p, received: { ...p.received, [key]: analysis } }));
  };

  const perPrompt = async (prompt: ExperimentPrompt) => {
    const conversation: ChatMessage[] = [{ role: "user", content: prompt.prompt }];
    const results = await Promise.all(plan.variants.map((v) => runUnit(prompt, v, conversation)));
    const runs = new Map(plan.variants.flatMap((v, i) => (results[i] ? [[v.id, results[i]] as const] : [])));
    await Promise.all([
      ...comparisons.map((c) => judgeUnit(prompt, c, conversation, runs)),
      ...analysed.map((v) => analyseUnit(prompt, v, runs.get(v.id))),
    ]);
  };

  await Promise.all(plan.prompts.map(perPrompt));
  return progress;
}
