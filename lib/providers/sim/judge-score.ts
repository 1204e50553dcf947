import type { Rng } from "./rng";
import type { SimWorld } from "./world";
import { carriedBy } from "./world";
import { countTokens } from "./words";

/**
 * How the simulated judge scores one reply against the prompt's ground truth. `noise` and
 * `lengthBias` let a teacher show what an imperfect judge does; both are off by default.
 */
export interface SimJudgeSettings {
  /** Standard deviation of a seeded random term, in key points per key point of the world (0.2 on 8 points: sd 1.6). */
  noise: number;
  /** Extra score per 100 words of reply: a judge that rewards length for its own sake. */
  lengthBias: number;
}

export const SIM_JUDGE_DEFAULTS: SimJudgeSettings = { noise: 0, lengthBias: 0 };

/** What one wrong claim costs, in key points: a confident error hurts more than a gap. */
export const WRONG_CLAIM_PENALTY = 1.5;

export interface JudgeBreakdown {
  covered: number;
  total: number;
  wrong: number;
  words: number;
  /** The length-bias term (0 unless lengthBias is set). */
  lengthBonus: number;
  /** The noise term (0 unless noise is set). */
  noise: number;
  score: number;
}

function gaussian(rng: Rng): number {
  // Box–Muller; 1 - next() keeps log away from 0.
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * score = key points covered − 1.5 × wrong claims made
 *       + lengthBias × words / 100           (only when set)
 *       + noise × N × gaussian(rng)          (only when set; N = number of key points)
 */
export function judgeBreakdown(world: SimWorld, answer: string, settings: SimJudgeSettings = SIM_JUDGE_DEFAULTS, rng?: Rng): JudgeBreakdown {
  const carried = carriedBy(world, answer);
  const words = countTokens(answer);
  const lengthBonus = settings.lengthBias > 0 ? (settings.lengthBias * words) / 100 : 0;
  const noise = settings.noise > 0 && rng ? settings.noise * world.points.length * gaussian(rng) : 0;
  const score = carried.points.length - WRONG_CLAIM_PENALTY * carried.wrong.length + lengthBonus + noise;
  return { covered: carried.points.length, total: world.points.length, wrong: carried.wrong.length, words, lengthBonus, noise, score };
}

export function judgeScore(world: SimWorld, answer: string, settings?: SimJudgeSettings, rng?: Rng): number {
  return judgeBreakdown(world, answer, settings, rng).score;
}

/** Scores closer than this are a tie; without noise or length bias, only equal scores are. */
export const TIE_MARGIN = 0.25;
