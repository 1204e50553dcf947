import type { AnswerSet } from "@/lib/experiments/types";
import { parseAlpacaEval } from "./alpaca-eval";
import { detectSuite } from "./parse-suite";

/** The id an imported file's reference outputs take in a plan. */
export const FILE_REFERENCE_ID = "reference-outputs";

export interface FileReference {
  /** By the prompt ids the same file's prompts get (suiteToPrompts keeps the item ids). */
  answers: Record<string, string>;
  /** The model that wrote them, when the file names one. */
  generator?: string;
}

/** AlpacaEval's `output` fields, the reference its win rates are against; undefined for other files or a file without outputs. */
export function fileReferenceOf(text: string): FileReference | undefined {
  if (!text.trim() || detectSuite(text) !== "alpaca_eval") return undefined;
  const suite = parseAlpacaEval(text);
  const answers = Object.fromEntries(suite.items.flatMap((item) => (item.reference ? [[item.id, item.reference]] : [])));
  if (Object.keys(answers).length === 0) return undefined;
  return { answers, ...(suite.referenceGenerator && { generator: suite.referenceGenerator }) };
}

/** The file's outputs as a plan's answer set, kept to the prompts the plan runs. */
export function fileReferenceSet(reference: FileReference, promptIds: readonly string[], fileName = "the imported file"): AnswerSet {
  const answers = Object.fromEntries(promptIds.flatMap((id) => (reference.answers[id] !== undefined ? [[id, reference.answers[id]]] : [])));
  return {
    id: FILE_REFERENCE_ID,
    label: `Reference outputs${reference.generator ? ` (${reference.generator})` : ""}`,
    source: `the output field of ${fileName}`,
    answers,
  };
}
