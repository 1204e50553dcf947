import type { ExperimentPrompt } from "@/lib/experiments/types";
import type { ParsedSuite } from "./types";

/**
 * The experiment prompts of an imported suite. MT-Bench runs its first turn only until jobs run
 * conversations turn by turn; AlpacaEval's reference outputs stay with the suite (a job answers
 * prompts with variants, not with stored text).
 */
export function suiteToPrompts(suite: ParsedSuite): ExperimentPrompt[] {
  return suite.items.map((item) => ({
    id: item.id,
    prompt: item.turns[0],
    ...(item.category && { category: item.category }),
    ...(suite.kind === "math" && item.answer !== undefined && { answer: item.answer }),
  }));
}
