import type { ChatMessage } from "@/lib/moa/conversation";

/**
 * MT-Bench's single-answer grading in our words: the judge reads the conversation so far and
 * rates the last answer from 1 to 10, ending with `Rating: [[n]]`. For a second turn the first
 * exchange is context only. A reference answer (math, reasoning, coding) is shown when the
 * benchmark has one. Turns are tagged `<user-n>`, `<reference-n>`, `<assistant-n>`.
 */
export interface TurnToGrade {
  question: string;
  answer: string;
  reference?: string;
}

export const RATING_FORMAT = "Rating: [[5]]";

function instructions(turns: number, withReference: boolean): string {
  const which = turns > 1 ? `the assistant's answer to the user's last question (turn ${turns}); the earlier turns are context, do not grade them` : "the assistant's answer to the user's question";
  return [
    `You are an impartial judge. Rate the quality of ${which}.`,
    "Weigh helpfulness, relevance, accuracy, depth, creativity and level of detail.",
    withReference ? "A reference answer is given: compare the assistant's answer with it and count every mistake against the answer." : "",
    `Explain your assessment briefly and objectively, then give a rating on a scale of 1 to 10, written exactly like this: "${RATING_FORMAT}".`,
  ]
    .filter(Boolean)
    .join(" ");
}

/** The judge's messages for grading the last of `turns`. */
export function gradingMessages(turns: TurnToGrade[]): ChatMessage[] {
  const last = turns.length;
  const withReference = turns[last - 1]?.reference !== undefined;
  const body = turns
    .flatMap((t, i) => {
      const n = i + 1;
      return [`<user-${n}>\n${t.question}\n</user-${n}>`, ...(n === last && t.reference ? [`<reference-${n}>\n${t.reference}\n</reference-${n}>`] : []), `<assistant-${n}>\n${t.answer}\n</assistant-${n}>`];
    })
    .join("\n\n");
  return [
    { role: "system", content: instructions(last, withReference) },
    { role: "user", content: body },
  ];
}

const DOUBLE = /\[\[\s*(\d+(?:\.\d+)?)\s*\]\]/g;
const SINGLE = /rating\s*:?\s*\[\s*(\d+(?:\.\d+)?)\s*\]/gi;

/**
 * The rating in a judge's reply: the last `[[n]]`, else a `Rating: [n]`; undefined when there is
 * none or it lies outside 1–10. Never a default: an unreadable reply is counted as such.
 */
export function parseRating(text: string): number | undefined {
  const found = [...text.matchAll(DOUBLE)].at(-1) ?? [...text.matchAll(SINGLE)].at(-1);
  if (!found) return undefined;
  const rating = Number(found[1]);
  return Number.isFinite(rating) && rating >= 1 && rating <= 10 ? rating : undefined;
}
