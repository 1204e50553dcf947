import { extractFinalAnswer, normalizeMathAnswer } from "@/lib/suites/math-answer";
import { evaluate, expressionOf, formatRational, slipsOf, type Rational } from "./arithmetic";
import { SAMPLING_JITTER, samplingRng, type Sampling } from "./knowledge";
import type { SimSkill } from "./profiles";
import type { ReadPrompt } from "./prompt";
import { unitHash } from "./rng";

/**
 * Simulated models on math questions they can compute (see arithmetic.ts). A model solves a
 * problem with a chance from its recall and the problem's ease, seeded by model and problem, so
 * its samples mostly agree; otherwise it makes one of the problem's plausible slips and boxes
 * that. An aggregator boxes the answer with most support among those it read, its own attempt
 * counting fully and each answer read with its keep chance: a strong aggregator follows a
 * majority, a weak one trusts itself. Nothing reads a benchmark's answer.
 */

/** How easy a problem is, 0.6 (hard) to 1.5 (easy), seeded by the problem alone: hard for every model alike. */
export function mathEase(expression: string): number {
  return 0.6 + 0.9 * unitHash(`math-ease|${expression}`);
}

export function solveChance(skill: SimSkill, expression: string): number {
  return Math.min(0.97, Math.max(0.03, skill.recall * mathEase(expression)));
}

interface Attempt {
  value: Rational;
  solved: boolean;
}

/** One model's attempt: solved or a slip, fixed per model and problem, redrawn only with temperature's jitter. */
export function attemptOf(model: string, expression: string, skill: SimSkill, sampling: Sampling): Attempt {
  const correct = evaluate(expression)!;
  const rng = samplingRng(model, `math|${expression}`, sampling);
  const jitter = SAMPLING_JITTER * Math.min(2, Math.max(0, sampling.temperature ?? 0.7));
  const u = rng.next() < jitter ? rng.next() : unitHash(`math-solve|${model}|${expression}`);
  if (u < solveChance(skill, expression)) return { value: correct, solved: true };
  const slips = slipsOf(expression, correct);
  // The first slips are the tempting ones: models that slip tend to make the same mistake.
  const pick = Math.floor(unitHash(`math-slip|${model}|${expression}`) ** 2 * slips.length);
  return { value: slips[pick] ?? correct, solved: slips.length === 0 };
}

// The boxed answer comes first, so a `tokens=` length override that cuts the text keeps it.
function solution(expression: string, answer: string): string {
  return [
    `The answer is $\\boxed{${answer}}$.`,
    "",
    `We need the value of $${expression}$. Working through it one operation at a time, keeping exact fractions, gives that result.`,
  ].join("\n");
}

interface Vote {
  answer: string;
  weight: number;
  count: number;
  own: boolean;
}

function tally(own: string, answers: string[], keep: number): Vote[] {
  const votes = new Map<string, Vote>();
  const cast = (answer: string, weight: number, own: boolean) => {
    const key = normalizeMathAnswer(answer);
    const vote = votes.get(key) ?? { answer, weight: 0, count: 0, own: false };
    votes.set(key, { ...vote, weight: vote.weight + weight, count: vote.count + (own ? 0 : 1), own: vote.own || own });
  };
  cast(own, 1, true);
  for (const answer of answers) {
    const stated = extractFinalAnswer(answer);
    if (stated !== undefined) cast(stated, keep, false);
  }
  // Most support first; on a tie the aggregator keeps its own answer, then the earlier one read.
  return [...votes.values()].sort((a, b) => b.weight - a.weight || Number(b.own) - Number(a.own));
}

function aggregated(expression: string, votes: Vote[], read: number): string {
  const [chosen] = votes;
  const heard = votes
    .filter((v) => v.count > 0)
    .map((v) => `${v.answer} (${v.count} of ${read})`)
    .join(", ");
  return [
    `The answer is $\\boxed{${chosen.answer}}$.`,
    "",
    `For $${expression}$ the answers I read give ${heard || "no final answer"}.`,
    chosen.own && chosen.count === 0 ? "I worked it out again myself and keep my own result." : "I checked the best-supported result against my own working.",
  ].join("\n");
}

/** The sim's reply to a computable math question, or undefined when the question is not one. */
export function mathReply(prompt: ReadPrompt, model: string, skill: SimSkill, sampling: Sampling): string | undefined {
  const expression = expressionOf(prompt.question);
  if (expression === undefined) return undefined;
  const own = formatRational(attemptOf(model, expression, skill, sampling).value);
  if (prompt.answers.length === 0) return solution(expression, own);
  return aggregated(expression, tally(own, prompt.answers, skill.keep), prompt.answers.length);
}
