import { MAX_PROMPTS, parsePromptSet, type ParsedPromptSet } from "@/lib/experiments/prompt-set";
import { parseSuite, detectSuite } from "./parse-suite";
import { suiteToPrompts } from "./to-prompts";
import type { SuiteKind } from "./types";

export const SUITE_LABELS: Record<SuiteKind, string> = {
  alpaca_eval: "AlpacaEval",
  mt_bench: "MT-Bench (two turns, graded 1–10)",
  math: "MATH (exact match, no judge)",
};

/** Prompts from pasted or uploaded text: a benchmark file when its fields say so, else a plain prompt set. */
export function readPrompts(text: string, fileName?: string): ParsedPromptSet & { suite?: SuiteKind } {
  const kind = text.trim() ? detectSuite(text) : undefined;
  if (!kind) return parsePromptSet(text, fileName);
  const suite = parseSuite(text, kind);
  if ("error" in suite) return { prompts: [], errors: [suite.error] };
  const prompts = suiteToPrompts(suite);
  // MATH's test split has 5,000 problems; a job takes at most MAX_PROMPTS.
  const errors = prompts.length > MAX_PROMPTS ? [...suite.errors, `only the first ${MAX_PROMPTS} of ${prompts.length} items are used`] : suite.errors;
  return { prompts: prompts.slice(0, MAX_PROMPTS), errors, suite: kind };
}
