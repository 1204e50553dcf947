import type { ExperimentPrompt } from "@/lib/experiments/types";
import type { ParsedSuite } from "./types";

/**
 * The experiment prompts of an imported suite. An MT-Bench question keeps its second turn as the
 * prompt's follow-up (asked after the variant's own first answer, both turns graded 1–10) and
 * its per-turn references; AlpacaEval's reference outputs stay with the suite (a job answers
 * prompts with variants, not with stored text).
 */
export function suiteToPrompts(suite: ParsedSuite): ExperimentPrompt[] {
  return suite.items.map((item) => ({
    id: item.id,
    prompt: item.turns[0],
    ...(item.category && { category: item.category }),
    ...(suite.kind === "math" && item.answer !== undefined && { answer: item.answer }),
    ...(suite.kind === "mt_bench" && item.turns[1] !== undefined && { followUp: item.turns[1] }),
    ...(suite.kind === "mt_bench" && item.turnReferences && { references: item.turnReferences }),
  }));
}
