import type { SimSkill } from "./profiles";
import type { ReadPrompt } from "./prompt";
import { candidatesOf, gradeCandidates, questionOf } from "./referee";
import { carriedBy, worldOf, type SimWorld } from "./world";

/**
 * Sim models asked to do a method's step (lib/moa/methods): rank, pick the k best, moderate,
 * pick the most consistent answer, review for a council. Every one reads the candidates and
 * answers from the prompt's ground truth, so each method shows its character offline.
 */
const RANK_ORDER = /best first, separated by ' > '/i;
const SMOA_JUDGE = /pick the answers worth passing on/i;
const SMOA_K = /Choose the (\d+) best candidates/i;
const MODERATOR = /You moderate a panel/i;
const USC = /most consistent with the rest/i;
const COUNCIL_REVIEW = /member of a council reviewing/i;

/** Best first by the grader's scores; ties keep the earlier candidate first. */
function bestFirst(scores: number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

/** The claims an answer makes (key points and wrong claims alike), as a set of ids. */
function claimSet(world: SimWorld, text: string): Set<string> {
  const carried = carriedBy(world, text);
  return new Set([...carried.points, ...carried.wrong]);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 1 : [...a].filter((x) => b.has(x)).length / union;
}

/** How much each candidate agrees with the others: the sum of its claim overlaps (Jaccard). */
export function agreementScores(world: SimWorld, candidates: string[]): number[] {
  const sets = candidates.map((c) => claimSet(world, c));
  return sets.map((s, i) => sets.reduce((sum, t, j) => (i === j ? sum : sum + jaccard(s, t)), 0));
}

/** Candidates agree when their claims overlap by this much on average (mean pairwise Jaccard). */
export const SIM_AGREEMENT_TO_STOP = 0.75;

export function methodReply(prompt: ReadPrompt, model: string, skill: SimSkill): string | undefined {
  const system = prompt.system;
  const grading = RANK_ORDER.test(system) || SMOA_JUDGE.test(system) || MODERATOR.test(system) || USC.test(system) || COUNCIL_REVIEW.test(system);
  if (!grading) return undefined;
  const candidates = candidatesOf(prompt);
  if (candidates.length === 0) return MODERATOR.test(system) ? "CONTINUE" : "1";
  const world = worldOf(questionOf(prompt.question));

  if (MODERATOR.test(system)) {
    const n = candidates.length;
    const mean = n < 2 ? 1 : agreementScores(world, candidates).reduce((a, b) => a + b, 0) / (n * (n - 1));
    return mean >= SIM_AGREEMENT_TO_STOP ? "STOP" : "CONTINUE";
  }
  if (USC.test(system)) {
    // Majority consensus, not quality: the answer sharing most claims with the rest, right or wrong.
    const scores = agreementScores(world, candidates);
    return `The most consistent response is Response ${scores.indexOf(Math.max(...scores)) + 1}`;
  }
  const order = bestFirst(gradeCandidates(prompt, model, skill, candidates));
  if (SMOA_JUDGE.test(system)) {
    const k = Number(SMOA_K.exec(system)?.[1] ?? 1);
    return order.slice(0, k).map((i) => i + 1).join(", ");
  }
  if (COUNCIL_REVIEW.test(system)) {
    const lines = order.map((i, rank) => `${rank + 1}. Response ${i + 1}`);
    return [`I compared the ${candidates.length} responses on the points I know to be right or wrong.`, "", "FINAL RANKING:", ...lines].join("\n");
  }
  return order.map((i) => i + 1).join(" > ");
}
