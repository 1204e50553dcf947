/**
 * How a hand-written world is written down. Each entry is a claim sentence, or a claim with
 * the row it adds to a structured answer (a JSON object or a table row) for extraction prompts.
 */
export type ClaimSpec = string | { text: string; row: string };

export interface WorldSpec {
  question: string;
  kind: "code" | "list" | "prose";
  points: ClaimSpec[];
  wrong: ClaimSpec[];
  /**
   * The artefact the prompt asks for, shown whole in every answer: a code solution in a fence,
   * or a poem or an email draft as a quote. Variants give different models different drafts.
   */
  work?: { format: "code" | "quote"; lang?: string; variants: string[] };
  /** Extraction prompts: the rows of the claims an answer makes, as a JSON array or a table. */
  rows?: { format: "json" | "table"; header?: string };
}
