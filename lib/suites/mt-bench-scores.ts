import { meanInterval, type MeanInterval } from "@/lib/analysis/mean-interval";
import { gradeKey, type ExperimentPlan, type ExperimentProgress } from "@/lib/experiments/types";

export interface TurnScores {
  /** Mean 1–10 rating with its 95% t-interval over the graded answers; undefined before any. */
  mean?: MeanInterval;
  /** Grades stored for this turn, with or without a score. */
  graded: number;
  /** Grades without a score: the judge's reply had no readable rating, or there was no answer. */
  unscored: number;
}

export interface VariantMtBench {
  variantId: string;
  turn1: TurnScores;
  turn2: TurnScores;
  /** Over questions: each question's mean of its scored turns, so a question counts once. */
  overall?: MeanInterval;
}

const BOUNDS: [number, number] = [1, 10];

/**
 * MT-Bench results per variant, as its single-answer grading reports them: the mean score of
 * each turn and overall. The interval is a t-interval over questions (meanInterval), the unit
 * that is sampled; unscored grades are counted, never filled in.
 */
export function mtBenchScores(plan: ExperimentPlan, progress: Pick<ExperimentProgress, "grades">): VariantMtBench[] {
  const twoTurn = plan.prompts.filter((p) => p.followUp !== undefined);
  return plan.variants.map((v) => {
    const perTurn = ([1, 2] as const).map((turn) => {
      const grades = twoTurn.map((p) => progress.grades[gradeKey(p.id, v.id, turn)]).filter((g) => g !== undefined);
      const scores = grades.flatMap((g) => (g.score !== undefined ? [g.score] : []));
      return { mean: meanInterval(scores, BOUNDS), graded: grades.length, unscored: grades.length - scores.length } satisfies TurnScores;
    });
    const perQuestion = twoTurn.flatMap((p) => {
      const scores = ([1, 2] as const).flatMap((turn) => progress.grades[gradeKey(p.id, v.id, turn)]?.score ?? []);
      return scores.length > 0 ? [scores.reduce((a, b) => a + b, 0) / scores.length] : [];
    });
    const overall = meanInterval(perQuestion, BOUNDS);
    return { variantId: v.id, turn1: perTurn[0], turn2: perTurn[1], ...(overall && { overall }) };
  });
}

export const hasTwoTurns = (plan: ExperimentPlan) => plan.prompts.some((p) => p.followUp !== undefined);
