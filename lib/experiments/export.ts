import { summarize } from "./results";
import type { ExperimentPlan, ExperimentProgress, SavedExperiment } from "./types";
import { savedExperimentSchema, unitKey } from "./types";

/** Quotes a CSV field when it needs it; a leading =, +, - or @ is defused so spreadsheets do not run it. */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: Array<string | number | boolean | undefined>) => fields.map(csvField).join(",");

/** One row per prompt and variant: the answer, its figures and the verdict against the reference. */
export function experimentToCsv(plan: ExperimentPlan, progress: ExperimentProgress): string {
  const header = [
    "prompt_id", "category", "prompt", "variant", "reference", "status", "verdict", "consistent", "judge_reason",
    "input_tokens", "output_tokens", "cost_usd", "cost_estimated", "tflops", "latency_ms", "run_id", "answer",
  ];
  const lines = [row(header)];
  for (const p of plan.prompts) {
    for (const v of plan.variants) {
      const run = progress.runs[unitKey(p.id, v.id)];
      const judgement = progress.judgements[unitKey(p.id, v.id)];
      const verdict = v.id === plan.reference ? "" : judgement ? { variant: "win", reference: "loss", tie: "tie" }[judgement.winner] : "";
      lines.push(
        row([
          p.id, p.category, p.prompt, v.label, v.id === plan.reference, run?.status ?? "pending", verdict, judgement?.consistent,
          judgement ? (judgement.error ?? judgement.reasons.join(" / ")) : undefined,
          run?.inputTokens, run?.outputTokens, run?.costUsd, run?.costEstimated, run?.tflops, run?.durationMs, run?.runId, run?.text,
        ]),
      );
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** The whole experiment (plan, every result, the summary) as JSON; `importExperiment` reads it back. */
export function experimentToJson(plan: ExperimentPlan, progress: ExperimentProgress): string {
  return JSON.stringify({ plan, progress, summary: summarize(plan, progress) }, null, 2);
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
