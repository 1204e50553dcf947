import { z } from "zod";
import { extractBoxed } from "./math-answer";
import { firstIssue, readRecords, uniqueId, type ParsedSuite, type SuiteItem } from "./types";

/** One MATH problem (Hendrycks et al.): the JSON per problem, or a JSONL/array of them (MATH-500 adds `answer`, `unique_id`). */
const mathRecordSchema = z.object({
  problem: z.string().trim().min(1),
  solution: z.string().min(1),
  answer: z.string().optional(),
  /** "Level 3" in the original files, 3 in MATH-500. */
  level: z.union([z.string(), z.number()]).optional(),
  type: z.string().optional(),
  /** MATH-500's name for `type`. */
  subject: z.string().optional(),
  unique_id: z.string().optional(),
});

/** MATH: problem + solution whose last `\boxed{}` is the answer that is checked by exact match. */
export function parseMath(text: string): ParsedSuite {
  const trimmed = text.trim();
  // A single problem file ({"problem": …}) as the original dataset ships them.
  const single = trimmed.startsWith("{") && !/}\s*\n\s*{/.test(trimmed);
  const { records, errors } = readRecords(single ? `[${trimmed}]` : text);
  const items: SuiteItem[] = [];
  const seen = new Set<string>();
  for (const { value, where } of records) {
    const parsed = mathRecordSchema.safeParse(value);
    if (!parsed.success) {
      errors.push(`${where}: ${firstIssue(parsed.error)}`);
      continue;
    }
    const r = parsed.data;
    const answer = r.answer?.trim() || extractBoxed(r.solution);
    if (!answer) {
      errors.push(`${where}: the solution has no \\boxed{} answer`);
      continue;
    }
    items.push({
      id: uniqueId(seen, r.unique_id ? r.unique_id.slice(0, 200) : `math${items.length + 1}`),
      turns: [r.problem],
      ...((r.type ?? r.subject) ? { category: (r.type ?? r.subject)!.slice(0, 80) } : {}),
      reference: r.solution,
      answer,
    });
  }
  return { kind: "math", items, errors };
}
