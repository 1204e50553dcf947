import type { ChatMessage } from "../conversation";
import { formatAnswers } from "../synthesis";
import { formatTranscript } from "../variants/transcript";
import { selectorStrategy } from "./selector";
import type { Strategy } from "./strategy";

/**
 * Universal Self-Consistency (Chen et al. 2023, arXiv 2311.17311): self-consistency's majority
 * vote for free-form answers. The model picks the answer that agrees most with the others; it
 * judges consistency, not quality, and writes nothing new.
 */
export const USC_PROMPT = [
  "You compare several candidate replies to the same request and find the one most consistent with the rest.",
  "Consistency means agreeing with what most candidates say: the same facts, the same conclusions, the same recommendations.",
  "Do not judge style and do not write a reply of your own.",
  'Answer with one line: "The most consistent response is Response N", where N is the candidate\'s number.',
].join(" ");

export function buildUscMessages(conversation: ChatMessage[], candidates: string[]): ChatMessage[] {
  const user = [
    formatTranscript(conversation),
    `Candidate replies (${candidates.length}):`,
    formatAnswers(candidates),
    "Which candidate agrees most with the others? Name it as Response N.",
  ].join("\n\n");
  return [
    { role: "system", content: USC_PROMPT },
    { role: "user", content: user },
  ];
}

export const uscStrategy = (): Strategy => selectorStrategy("consistency check", buildUscMessages);
