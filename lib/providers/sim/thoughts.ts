import type { ReasoningEffort } from "@/lib/moa/config";
import type { ReadPrompt } from "./prompt";
import type { Rng } from "./rng";
import { keywordsOf } from "./words";

/** How many of its answer's sentences a simulated reasoning model checks before writing. */
const CHECKS: Record<ReasoningEffort, number> = { low: 2, medium: 4, high: 8 };

const VERDICTS = ["that holds up.", "consistent with what I know.", "true, but worth a caveat.", "keep it, it is the core of the answer."];

function sentencesOf(answer: string): string[] {
  return answer
    .replace(/[#*_`>]/g, "")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(?:[-•]|\d+[.)])\s*/, "").trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}

/**
 * The reasoning a simulated "thinking" model streams before its answer: it names the topic,
 * weighs any answers it was given, and checks the claims it is about to make. Derived from
 * the answer it will write, so the lane and the answer agree, and deterministic like the rest
 * of the sim. Higher effort checks more claims, so it costs more reasoning tokens.
 */
export function simThoughts(prompt: ReadPrompt, answer: string, effort: ReasoningEffort, rng: Rng): string {
  const topic = keywordsOf(prompt.question, 3);
  const lines = [`The question is about ${topic.length > 0 ? topic.join(", ") : "what the user asked"}. Let me work out what a good answer must cover.`];
  if (prompt.answers.length > 0) {
    lines.push(`I was given ${prompt.answers.length} earlier answers. I keep the claims several of them share and check the ones only one makes.`);
  }
  for (const sentence of sentencesOf(answer).slice(0, CHECKS[effort])) {
    lines.push(`Claim: "${sentence}" — ${rng.pick(VERDICTS)}`);
  }
  lines.push("Order: the main point first, then the details. Now I write the answer.");
  return lines.join("\n");
}
