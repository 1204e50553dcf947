import { z } from "zod";
import type { ChatMessage } from "../conversation";
import { formatTranscript, stripThinking } from "./transcript";

/**
 * Pairwise LLM-as-judge, as in AlpacaEval and MT-Bench: one model compares two replies to the
 * same conversation. Judges favour whichever answer comes first (or second), so every pair is
 * judged twice with the order swapped, see `combineSwappedVerdicts`.
 */
export const JUDGE_PROMPT = [
  "You are an impartial judge comparing two replies, A and B, to the last user message of a conversation.",
  "Judge helpfulness, correctness, depth and clarity for this user; ignore length for its own sake, and do not let the order of the replies sway you.",
  "If neither is clearly better, call it a tie.",
  'Reply with a single JSON object and nothing else: {"winner": "A" | "B" | "tie", "reason": "<one or two sentences>"}',
].join(" ");

export function buildJudgeMessages(conversation: ChatMessage[], a: string, b: string): ChatMessage[] {
  const user = [
    formatTranscript(conversation),
    `<reply-a>\n${a}\n</reply-a>`,
    `<reply-b>\n${b}\n</reply-b>`,
    'Which reply is better? Answer with the JSON object only: {"winner": "A" | "B" | "tie", "reason": "…"}',
  ].join("\n\n");
  return [
    { role: "system", content: JUDGE_PROMPT },
    { role: "user", content: user },
  ];
}

export type Winner = "A" | "B" | "tie";
export interface JudgeVerdict {
  winner: Winner;
  reason: string;
}

const verdictSchema = z.object({
  winner: z.string().transform((w, ctx) => {
    const winner = normaliseWinner(w);
    if (!winner) ctx.addIssue({ code: "custom", message: `unknown winner "${w}"` });
    return winner ?? "tie";
  }),
  reason: z.string().optional().default(""),
});

function normaliseWinner(raw: string): Winner | undefined {
  const w = raw.trim().replace(/^["'*[\]\s]+|["'*[\]\s.]+$/g, "").toLowerCase();
  if (/^(?:reply |answer |response )?a$/.test(w)) return "A";
  if (/^(?:reply |answer |response )?b$/.test(w)) return "B";
  if (/^(?:tie|draw|equal|both|neither|c)$/.test(w)) return "tie";
  return undefined;
}

function fromJson(reply: string): JudgeVerdict | undefined {
  for (const match of reply.matchAll(/\{[^{}]*\}/g)) {
    let value: unknown;
    try {
      value = JSON.parse(match[0]);
    } catch {
      continue;
    }
    const parsed = verdictSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

// Fallbacks for near-JSON and prose. Each requires an explicit marker, because a bare "A"
// is also an English article ("A better reply would…").
const KEY_VALUE = /["']?winner["']?\s*[:=]\s*["']?\s*(tie|a|b)\b/i;
const BRACKETED = /\[\[\s*(A|B|C|tie)\s*\]\]/i;
// Case-sensitive on purpose: "the winner is a close call" must not read as A.
const PROSE = /\b(?:[Ww]inner|[Vv]erdict)\s*(?:is|:)?\s*[*"'`]*\s*(?:(?:[Rr]eply|[Aa]nswer|[Rr]esponse) )?(A|B|[Tt]ie)\b/;
const PREFERRED = /\b(?:[Rr]eply|[Aa]nswer|[Rr]esponse)\s+(A|B)\s+is\s+(?:clearly\s+|slightly\s+|much\s+)?(?:better|stronger|preferred|the winner|superior)/;
const REASON = /["']?reason["']?\s*[:=]\s*"((?:[^"\\]|\\.)*)"?/i;

/**
 * Reads a verdict from JSON (possibly inside a code fence or between sentences), from
 * near-JSON like `winner: A`, from MT-Bench style `[[A]]`, or from plain statements such as
 * "The winner is B" or "Reply A is better". Returns an error when no explicit verdict is found.
 */
export function parseJudgeVerdict(text: string): JudgeVerdict | { error: string } {
  const reply = stripThinking(text).replace(/```[a-z]*\n?/gi, "");
  if (reply === "") return { error: "the judge replied with nothing" };
  const json = fromJson(reply);
  if (json) return json;
  for (const pattern of [KEY_VALUE, BRACKETED, PROSE, PREFERRED]) {
    const match = reply.match(pattern);
    const winner = match && normaliseWinner(match[1]);
    if (winner) return { winner, reason: reply.match(REASON)?.[1] ?? reply.slice(0, 500) };
  }
  return { error: "the judge's reply names no winner" };
}

export interface CombinedVerdict {
  /** `first` is the answer shown as A in the first judgement. */
  winner: "first" | "second" | "tie";
  /** Both orders gave the same verdict. */
  consistent: boolean;
  reasons: [string, string];
}

/**
 * Merges a judgement of (first, second) with one of the same pair shown as (second, first).
 * Only a verdict that survives the swap counts: if the preferred answer changes with the order,
 * or one order says tie and the other does not, the pair is a tie.
 */
export function combineSwappedVerdicts(first: JudgeVerdict, second: JudgeVerdict): CombinedVerdict {
  const inFirst = first.winner === "A" ? "first" : first.winner === "B" ? "second" : "tie";
  const inSecond = second.winner === "A" ? "second" : second.winner === "B" ? "first" : "tie";
  const consistent = inFirst === inSecond;
  return { winner: consistent ? inFirst : "tie", consistent, reasons: [first.reason, second.reason] };
}
