import { z } from "zod";

export const suiteKindSchema = z.enum(["alpaca_eval", "mt_bench", "math"]);
export type SuiteKind = z.infer<typeof suiteKindSchema>;

/** One item of an imported benchmark, in the app's terms. */
export const suiteItemSchema = z.object({
  id: z.string().min(1).max(200),
  /** The user turns in order: one for AlpacaEval and MATH, two for MT-Bench. */
  turns: z.array(z.string().min(1)).min(1),
  category: z.string().max(80).optional(),
  /** AlpacaEval: the reference model's output. MATH: the reference solution. */
  reference: z.string().optional(),
  /** MT-Bench: the reference answer of each turn, for the grader. */
  turnReferences: z.array(z.string()).max(2).optional(),
  /** MATH: the reference's final answer (the last `\boxed{}` of the solution, or the file's `answer`). */
  answer: z.string().optional(),
});
export type SuiteItem = z.infer<typeof suiteItemSchema>;

export interface ParsedSuite {
  kind: SuiteKind;
  items: SuiteItem[];
  /** Problems worth showing, with the item they come from; parsing goes on past them. */
  errors: string[];
  /** AlpacaEval: the model that wrote the reference outputs (`generator`), when the file names one. */
  referenceGenerator?: string;
}

/** Reads a JSON array, or JSON Lines when the text is not one JSON value. */
export function readRecords(text: string): { records: Array<{ value: unknown; where: string }>; errors: string[] } {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("[")) {
    try {
      const list = JSON.parse(trimmed) as unknown[];
      return { records: list.map((value, i) => ({ value, where: `item ${i + 1}` })), errors: [] };
    } catch (error) {
      return { records: [], errors: [`not valid JSON: ${(error as Error).message}`] };
    }
  }
  const records: Array<{ value: unknown; where: string }> = [];
  const errors: string[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      records.push({ value: JSON.parse(line), where: `line ${i + 1}` });
    } catch {
      errors.push(`line ${i + 1}: not valid JSON`);
    }
  });
  return { records, errors };
}

/** zod's first issue, short enough for a list of import problems. */
export const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "item"}: ${issue.message}` : "invalid";
};

/** Keeps ids unique: results are keyed by id, so a repeat gets a suffix instead of overwriting. */
export function uniqueId(seen: Set<string>, id: string): string {
  let unique = id;
  for (let n = 2; seen.has(unique); n++) unique = `${id}-${n}`;
  seen.add(unique);
  return unique;
}
