import { z } from "zod";
import { firstIssue, readRecords, uniqueId, type ParsedSuite, type SuiteItem } from "./types";

/** One record of AlpacaEval's `alpaca_eval.json` (or a model's outputs file in the same shape). */
const alpacaRecordSchema = z.object({
  instruction: z.string().trim().min(1),
  output: z.string().optional(),
  generator: z.string().optional(),
  dataset: z.string().optional(),
});

/**
 * AlpacaEval: a JSON list of {instruction, output, generator, dataset}. `output` becomes the
 * item's reference answer (AlpacaEval 2.0 compares against GPT-4 Turbo's outputs in the same
 * file shape); without it the reference has to come from a stored answer set.
 */
export function parseAlpacaEval(text: string): ParsedSuite {
  const { records, errors } = readRecords(text);
  const items: SuiteItem[] = [];
  const seen = new Set<string>();
  const generators = new Set<string>();
  for (const { value, where } of records) {
    const parsed = alpacaRecordSchema.safeParse(value);
    if (!parsed.success) {
      errors.push(`${where}: ${firstIssue(parsed.error)}`);
      continue;
    }
    const r = parsed.data;
    if (r.generator) generators.add(r.generator);
    // AlpacaEval has no ids: the position in the file is the stable key (the file is fixed).
    const id = uniqueId(seen, `ae${items.length + 1}`);
    items.push({
      id,
      turns: [r.instruction],
      ...(r.dataset ? { category: r.dataset.slice(0, 80) } : {}),
      ...(r.output?.trim() ? { reference: r.output } : {}),
    });
  }
  if (generators.size > 1) errors.push(`outputs from ${generators.size} generators (${[...generators].join(", ")}): the reference mixes models`);
  return { kind: "alpaca_eval", items, errors, ...(generators.size === 1 ? { referenceGenerator: [...generators][0] } : {}) };
}
