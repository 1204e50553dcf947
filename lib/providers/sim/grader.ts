import { extractFinalAnswer, mathAnswersEqual } from "@/lib/suites/math-answer";
import { evaluate, expressionOf, formatRational } from "./arithmetic";
import { judgeBreakdown, type SimJudgeSettings } from "./judge-score";
import type { Sampling } from "./knowledge";
import type { ReadPrompt } from "./prompt";
import { createRng, hashString } from "./rng";
import { worldOf } from "./world";

/**
 * The sim judge asked for a single-answer grade (MT-Bench, lib/suites/mt-bench-grading.ts):
 * the same score as its pairwise verdicts (key points − 1.5 × wrong claims, with the optional
 * noise and length bias) put on a 1–10 scale: 1 + 9 × score / key points, rounded and clipped.
 * A computable math question is graded by its result instead: 10 right, 2 wrong, 1 unanswered.
 */
const GRADING = /rating on a scale of 1 to 10/i;
const TURN = /<user-(\d+)>\n([\s\S]*?)\n<\/user-\1>[\s\S]*?<assistant-\1>\n([\s\S]*?)\n<\/assistant-\1>/g;

export function simRating(question: string, answer: string, settings: SimJudgeSettings, rng: ReturnType<typeof createRng>): { rating: number; why: string } {
  const expression = expressionOf(question);
  if (expression !== undefined) {
    const stated = extractFinalAnswer(answer);
    const correct = formatRational(evaluate(expression)!);
    if (stated === undefined) return { rating: 1, why: "The answer gives no final result." };
    return mathAnswersEqual(stated, correct) ? { rating: 10, why: `The result ${stated} is right.` } : { rating: 2, why: `The result ${stated} is wrong.` };
  }
  const b = judgeBreakdown(worldOf(question), answer, settings, rng);
  const rating = Math.min(10, Math.max(1, Math.round(1 + (9 * b.score) / Math.max(1, b.total))));
  const wrong = b.wrong === 0 ? "no wrong claims" : `${b.wrong} wrong claim${b.wrong === 1 ? "" : "s"}`;
  return { rating, why: `The answer covers ${b.covered} of ${b.total} key points with ${wrong}.` };
}

export function gradeReply(prompt: ReadPrompt, model: string, settings: SimJudgeSettings, sampling: Sampling): string | undefined {
  if (!GRADING.test(prompt.system)) return undefined;
  const last = [...prompt.question.matchAll(TURN)].at(-1);
  if (!last) return "I cannot find an answer to rate.";
  const [, , question, answer] = last;
  const rng = createRng(`grade|${model}|${sampling.temperature ?? "-"}|${sampling.seed ?? "-"}|${hashString(answer)}`);
  const { rating, why } = simRating(question, answer, settings, rng);
  return `${why} (Simulated judge: key points minus 1.5 per wrong claim, on a 1–10 scale.)\n\nRating: [[${rating}]]`;
}
