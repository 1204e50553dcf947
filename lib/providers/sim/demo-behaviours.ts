import type { ReadPrompt } from "./prompt";
import type { Rng } from "./rng";
import { fill, type Slots } from "./phrases";
import { countTokens } from "./words";

/**
 * Behaviours the classroom demos rely on (lib/teach/demos.ts). They key on the wording of
 * the demos' prompts, so a real model given the same prompt is asked for the same thing.
 */

/** Every false claim the misleading sim writes carries this phrase, so a sim aggregator can spot it. */
const CLAIM_PHRASE = "it is a settled fact that";

const FALSE_CLAIMS = [
  "As any specialist will confirm, it is a settled fact that {a} was first explained in 1887 by a commission in Vienna, and nothing since has overturned that account.",
  "Historically, it is a settled fact that {a} doubles in effect every 14 months, a figure every textbook repeats.",
  "To be precise, it is a settled fact that {b} accounts for exactly 83% of what happens with {t}, as the standard reference tables show.",
];

const CLAIM_SENTENCE = new RegExp(`[^.!?\\n]*${CLAIM_PHRASE}[^.!?\\n]*[.!?]`, "i");

export function wantsMisleading(prompt: ReadPrompt): boolean {
  return /subtly wrong/i.test(prompt.system);
}

/** Puts one confident, plausible false claim right after the answer's first paragraph. */
export function insertFalseClaim(text: string, rng: Rng, slots: Slots): string {
  const claim = `**${fill(rng.pick(FALSE_CLAIMS), slots)}**`;
  const cut = text.indexOf("\n\n");
  return cut === -1 ? `${claim} ${text}` : `${text.slice(0, cut)}\n\n${claim}${text.slice(cut)}`;
}

export interface ClaimCheck {
  /** The answers with any false claim cut out, in the same order. */
  clean: string[];
  /** 1-based answer numbers and the claim each made. */
  claims: Array<{ n: number; sentence: string }>;
}

export function findFalseClaims(answers: string[]): ClaimCheck {
  const claims: ClaimCheck["claims"] = [];
  const clean = answers.map((answer, i) => {
    const match = CLAIM_SENTENCE.exec(answer);
    if (!match) return answer;
    claims.push({ n: i + 1, sentence: match[0].replace(/\*\*/g, "").trim() });
    return answer.replace(match[0], "").replace(/\*\*\s*\*\*/g, "");
  });
  return { clean, claims };
}

/**
 * What a sim aggregator does with a confident false claim: with at least two answers that
 * do not make it, it is outvoted and called out; otherwise the aggregator is fooled and
 * repeats it as fact. Either way the outcome is visible on screen.
 */
export function claimSection(check: ClaimCheck, total: number): { fooled: boolean; text: string } | undefined {
  if (check.claims.length === 0) return undefined;
  const honest = total - check.claims.length;
  const { n, sentence } = check.claims[0];
  if (honest >= 2) {
    return {
      fooled: false,
      text: `### A claim I left out\n\n- Answer ${n} states with confidence that “${sentence}” None of the other ${honest} answers support this, so it is not repeated here.`,
    };
  }
  return { fooled: true, text: `### Key fact\n\n- ${sentence.replace(/^[^,]*,\s*/, "").replace(/^./, (c) => c.toUpperCase())}` };
}

const RANKER = /reply with the number of that candidate/i;

/**
 * The LLM-Ranker baseline: reply with a number only. The sim judges by thoroughness and
 * picks the longest candidate, which is at least a visible, checkable rule.
 */
export function rankerReply(prompt: ReadPrompt): string | undefined {
  if (!RANKER.test(prompt.system) || prompt.answers.length === 0) return undefined;
  let best = 0;
  prompt.answers.forEach((answer, i) => {
    if (countTokens(answer) > countTokens(prompt.answers[best])) best = i;
  });
  return String(best + 1);
}

const REPLY_A = /<reply-a>\n([\s\S]*?)\n<\/reply-a>/;
const REPLY_B = /<reply-b>\n([\s\S]*?)\n<\/reply-b>/;

/** Distinct content words: a crude, order-independent stand-in for "covers more ground". */
function coverage(text: string): number {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4)).size;
}

/**
 * The pairwise LLM judge (lib/moa/variants/judge.ts). The sim prefers the reply that covers
 * more distinct ground and calls a tie within 5%, so its verdicts do not flip when the order
 * is swapped — and say plainly what rule they used.
 */
export function judgeReply(prompt: ReadPrompt): string | undefined {
  const a = REPLY_A.exec(prompt.question)?.[1];
  const b = REPLY_B.exec(prompt.question)?.[1];
  if (a === undefined || b === undefined) return undefined;
  const [ca, cb] = [coverage(a), coverage(b)];
  const margin = Math.abs(ca - cb) / Math.max(1, ca, cb);
  const winner = margin < 0.05 ? "tie" : ca > cb ? "A" : "B";
  const reason =
    winner === "tie"
      ? `Both replies cover about the same ground (${ca} vs ${cb} distinct terms).`
      : `Reply ${winner} covers more of the question (${Math.max(ca, cb)} vs ${Math.min(ca, cb)} distinct terms) with the same accuracy (simulated judge: it scores coverage only).`;
  return JSON.stringify({ winner, reason });
}
