import { parseAlpacaEval } from "./alpaca-eval";
import { parseMath } from "./math";
import { parseMtBench } from "./mt-bench";
import { readRecords, type ParsedSuite, type SuiteKind } from "./types";

const PARSERS: Record<SuiteKind, (text: string) => ParsedSuite> = {
  alpaca_eval: parseAlpacaEval,
  mt_bench: parseMtBench,
  math: parseMath,
};

/** Which benchmark a file is, from the fields of its first record. */
export function detectSuite(text: string): SuiteKind | undefined {
  const trimmed = text.trim();
  const { records } = readRecords(trimmed.startsWith("{") && !/}\s*\n\s*{/.test(trimmed) ? `[${trimmed}]` : text);
  const first = records[0]?.value;
  if (!first || typeof first !== "object") return undefined;
  if ("turns" in first && "question_id" in first) return "mt_bench";
  if ("problem" in first && "solution" in first) return "math";
  // A plain prompt list may use `instruction` too; AlpacaEval's records also carry its other fields.
  if ("instruction" in first && ("output" in first || "generator" in first || "dataset" in first)) return "alpaca_eval";
  return undefined;
}

/** Parses an imported benchmark file as `kind`, or as the kind its fields show. */
export function parseSuite(text: string, kind?: SuiteKind): ParsedSuite | { error: string } {
  const k = kind ?? detectSuite(text);
  if (!k) return { error: "not an AlpacaEval, MT-Bench or MATH file (no instruction / question_id+turns / problem+solution fields)" };
  return PARSERS[k](text);
}
