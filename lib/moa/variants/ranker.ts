import type { ChatMessage } from "../conversation";
import { formatAnswers } from "../synthesis";
import { formatTranscript, stripThinking } from "./transcript";

/**
 * The LLM-Ranker baseline of the MoA paper: instead of writing a new answer, the last model
 * only picks one of the previous answers. Comparing it with synthesis shows what synthesis adds.
 */
export const RANKER_PROMPT = [
  "You grade answers; you do not write them.",
  "You will see a conversation and several numbered candidate replies to its last user message.",
  "Decide which single candidate serves the user best: correct, complete, clear and on point.",
  "Reply with the number of that candidate and nothing else, for example: 2",
].join(" ");

export function buildRankerMessages(conversation: ChatMessage[], candidates: string[]): ChatMessage[] {
  const user = [
    formatTranscript(conversation),
    `Candidate replies (${candidates.length}):`,
    formatAnswers(candidates),
    `Which candidate is best? Reply with one number from 1 to ${candidates.length}.`,
  ].join("\n\n");
  return [
    { role: "system", content: RANKER_PROMPT },
    { role: "user", content: user },
  ];
}

/** `index` is 0-based into the candidates. */
export type RankerChoice = { index: number } | { error: string };

// A number introduced as a choice: "#2", "Answer 2", "candidate no. 3", "option 1".
const MARKED = /(?:#|\b(?:answer|candidate|response|reply|option|choice|number|no\.?)\s*#?\s*)(\d+)\b/gi;
// Whole numbers, not pieces of decimals ("1.5") or of longer numbers.
const BARE = /(?<![\d.,])(\d+)(?![\d]|[.,]\d)/g;
// "3 answers", "2 candidates": a count, not a pick.
const COUNT_AFTER = /^\s*(?:answers|candidates|responses|replies|options|choices)\b/i;

/**
 * Reads the ranker's pick from a reply that should be just a number but often is not.
 * In order: a reply that is only a number (with markdown or punctuation around it); the
 * first in-range number introduced as a choice; the first in-range bare number that is not
 * a count. Anything else is an error, and the caller falls back to candidate 1.
 */
export function parseRankerChoice(text: string, count: number): RankerChoice {
  const reply = stripThinking(text);
  if (reply === "") return { error: "the ranker replied with nothing" };
  const inRange = (n: number) => n >= 1 && n <= count;

  const only = reply.replace(/[*_`#.:!()[\]"'<>]/g, "").trim();
  if (/^\d+$/.test(only)) {
    const n = Number(only);
    return inRange(n) ? { index: n - 1 } : { error: `the ranker chose ${n}, but there are only ${count} candidates` };
  }

  const marked = [...reply.matchAll(MARKED)].map((m) => Number(m[1]));
  const pick = marked.find(inRange);
  if (pick !== undefined) return { index: pick - 1 };

  const bare = [...reply.matchAll(BARE)]
    .filter((m) => !COUNT_AFTER.test(reply.slice((m.index ?? 0) + m[0].length)))
    .map((m) => Number(m[1]));
  const fallback = bare.find(inRange);
  if (fallback !== undefined) return { index: fallback - 1 };

  const outside = [...marked, ...bare][0];
  return outside !== undefined
    ? { error: `the ranker chose ${outside}, but there are only ${count} candidates` }
    : { error: "the ranker's reply names no candidate number" };
}
