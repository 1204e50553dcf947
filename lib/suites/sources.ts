import type { SuiteKind } from "./types";

/**
 * Where each benchmark is published. The app fetches a file only when a user asks for it, and
 * never keeps a copy in the repo. An operator may point a suite elsewhere (a mirror, a local
 * fixture) with the env variable named here.
 */
export interface SuiteSource {
  kind: SuiteKind;
  /** The button's words. */
  label: string;
  /** What the file is, in a few words, for the page. */
  what: string;
  url: string;
  /** Shown as the file name of the fetched prompts. */
  fileName: string;
  env: string;
}

export const SUITE_SOURCES: readonly SuiteSource[] = [
  {
    kind: "alpaca_eval",
    label: "AlpacaEval 2.0",
    what: "805 instructions with GPT-4 Turbo's reference outputs",
    url: "https://huggingface.co/datasets/tatsu-lab/alpaca_eval/resolve/main/alpaca_eval_gpt4_baseline.json",
    fileName: "alpaca_eval_gpt4_baseline.json",
    env: "MOA_SUITE_URL_ALPACA_EVAL",
  },
  {
    kind: "mt_bench",
    label: "MT-Bench",
    what: "80 two-turn questions (FastChat)",
    url: "https://raw.githubusercontent.com/lm-sys/FastChat/main/fastchat/llm_judge/data/mt_bench/question.jsonl",
    fileName: "mt_bench_question.jsonl",
    env: "MOA_SUITE_URL_MT_BENCH",
  },
  {
    kind: "math",
    label: "MATH-500",
    what: "the 500-problem MATH test subset",
    url: "https://huggingface.co/datasets/HuggingFaceH4/MATH-500/resolve/main/test.jsonl",
    fileName: "math500_test.jsonl",
    env: "MOA_SUITE_URL_MATH",
  },
];

export function suiteSource(kind: SuiteKind): SuiteSource {
  return SUITE_SOURCES.find((s) => s.kind === kind)!;
}
