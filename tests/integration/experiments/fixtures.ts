import type { ExperimentPlan } from "@/lib/experiments/types";

/** Fast simulated models: a job of hundreds of cells must take seconds, not minutes. */
export const FAST = "tps=4000&ttft=1&tokens=40";

/**
 * An AlpacaEval-format instruction set (`instruction`, `output`, `generator`, `dataset`), made
 * here, never downloaded: the shape of alpaca_eval.json with `n` generated instructions.
 */
export function alpacaEvalFixture(n: number): Array<{ instruction: string; output: string; generator: string; dataset: string }> {
  const topics = ["tides", "volcanoes", "photosynthesis", "compilers", "bread", "glaciers", "vaccines", "bridges", "jazz", "rainbows"];
  return Array.from({ length: n }, (_, i) => ({
    instruction: `Explain ${topics[i % topics.length]} to a curious twelve-year-old (question ${i + 1}).`,
    output: `A reference answer about ${topics[i % topics.length]}.`,
    generator: "gpt4_1106_preview",
    dataset: i % 2 ? "helpful_base" : "koala",
  }));
}

/** A plan over the fixture: two single-model sim variants, each judged against the other by a sim judge. */
export function alpacaPlan(n: number, name = `AlpacaEval-format ${n}`): ExperimentPlan {
  return {
    id: "ignored",
    name,
    createdAt: new Date(0).toISOString(),
    prompts: alpacaEvalFixture(n).map((row, i) => ({ id: `alpaca-${i}`, prompt: row.instruction, category: row.dataset })),
    variants: [
      { id: "falcon", label: "Falcon alone", variant: "moa", config: { layers: [{ agents: [{ model: `sim:falcon?${FAST}` }] }] } },
      { id: "heron", label: "Heron alone", variant: "moa", config: { layers: [{ agents: [{ model: `sim:heron?${FAST}` }] }] } },
    ],
    reference: "heron",
    judge: `sim:owl?${FAST}`,
  };
}
