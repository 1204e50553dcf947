import { summarize, summarizeComparisons } from "./results";
import type { ExperimentPlan, ExperimentProgress, Judgement, SavedExperiment } from "./types";
import { comparisonsOf, savedExperimentSchema, unitKey } from "./types";

/** Quotes a CSV field when it needs it; a leading =, +, - or @ is defused so spreadsheets do not run it. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: Array<string | number | boolean | undefined>) => fields.map(csvField).join(",");

const verdictOf = (j: Judgement | undefined) => (!j ? "" : j.error !== undefined ? "unreadable" : { a: "win", b: "loss", tie: "tie" }[j.winner]);

/**
 * One row per prompt and variant (the answer and its figures), then one per prompt and
 * comparison (the verdict for side a). Unknown compute is left empty, never 0.
 */
export function experimentToCsv(plan: ExperimentPlan, progress: ExperimentProgress): string {
  const header = [
    "prompt_id", "category", "prompt", "variant", "reference", "status", "verdict", "consistent", "judge_reason",
    "input_tokens", "output_tokens", "reasoning_tokens", "cost_usd", "cost_estimated", "tflops", "tflops_unknown", "latency_ms", "run_id", "answer",
  ];
  const lines = [row(header)];
  const comparisons = comparisonsOf(plan);
  for (const p of plan.prompts) {
    for (const v of plan.variants) {
      const run = progress.runs[unitKey(p.id, v.id)];
      // Without explicit comparisons, a variant's own comparison is the one against the reference.
      const judgement = plan.comparisons ? undefined : progress.judgements[unitKey(p.id, v.id)];
      lines.push(
        row([
          p.id, p.category, p.prompt, v.label, v.id === plan.reference, run?.status ?? "pending", verdictOf(judgement), judgement?.consistent,
          judgement ? (judgement.error ?? judgement.reasons.join(" / ")) : undefined,
          run?.inputTokens, run?.outputTokens, run?.reasoningTokens, run?.costUsd, run?.costEstimated, run?.tflopsUnknown ? undefined : run?.tflops, run?.tflopsUnknown === true,
          run?.durationMs, run?.runId, run?.text,
        ]),
      );
    }
    if (!plan.comparisons) continue;
    for (const c of comparisons) {
      const judgement = progress.judgements[unitKey(p.id, c.id)];
      lines.push(row([p.id, p.category, p.prompt, c.label, false, judgement ? "judged" : "pending", verdictOf(judgement), judgement?.consistent, judgement ? (judgement.error ?? judgement.reasons.join(" / ")) : undefined]));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** The whole experiment (plan, every result, the summary) as JSON; `importExperiment` reads it back. */
export function experimentToJson(plan: ExperimentPlan, progress: ExperimentProgress): string {
  return JSON.stringify({ plan, progress, summary: summarize(plan, progress), comparisons: summarizeComparisons(plan, progress) }, null, 2);
}

export function importExperiment(text: string): SavedExperiment | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: "The file is not valid JSON." };
  }
  const parsed = savedExperimentSchema.safeParse(value);
  return parsed.success ? parsed.data : { error: "The file is not an exported experiment." };
}
