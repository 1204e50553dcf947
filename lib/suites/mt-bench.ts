import { z } from "zod";
import { firstIssue, readRecords, uniqueId, type ParsedSuite, type SuiteItem } from "./types";

/** One line of FastChat's `mt_bench/question.jsonl`. */
const mtBenchRecordSchema = z.object({
  question_id: z.union([z.number().int(), z.string().min(1)]),
  category: z.string().optional(),
  turns: z.array(z.string().trim().min(1)).length(2, "MT-Bench questions have two turns"),
  /** Reference answers (math, reasoning, coding), one per turn, used by the grader. */
  reference: z.array(z.string()).optional(),
});

/** MT-Bench: question.jsonl with two user turns per question; the second turn follows the first answer. */
export function parseMtBench(text: string): ParsedSuite {
  const { records, errors } = readRecords(text);
  const items: SuiteItem[] = [];
  const seen = new Set<string>();
  for (const { value, where } of records) {
    const parsed = mtBenchRecordSchema.safeParse(value);
    if (!parsed.success) {
      errors.push(`${where}: ${firstIssue(parsed.error)}`);
      continue;
    }
    const r = parsed.data;
    items.push({
      id: uniqueId(seen, `mt${r.question_id}`),
      turns: r.turns,
      ...(r.category ? { category: r.category.slice(0, 80) } : {}),
      ...(r.reference?.length ? { reference: r.reference.join("\n\n"), turnReferences: r.reference.slice(0, 2) } : {}),
    });
  }
  return { kind: "mt_bench", items, errors };
}
