import { judgeBreakdown, TIE_MARGIN, type JudgeBreakdown, type SimJudgeSettings } from "./judge-score";
import { dropChance } from "./aggregate";
import { knowledgeOf, recognisedWrong, type Sampling } from "./knowledge";
import type { SimSkill } from "./profiles";
import { parseNumberedAnswers, type ReadPrompt } from "./prompt";
import { createRng, hashString, unitHash } from "./rng";
import { carriedBy, worldOf } from "./world";

/**
 * Sim models asked to grade rather than answer: the pairwise judge (lib/moa/variants/judge.ts)
 * and the LLM-Ranker (lib/moa/variants/ranker.ts). Both read the user's question out of the
 * quoted conversation and grade against that prompt's ground truth.
 */
const CONVERSATION = /<conversation>([\s\S]*?)<\/conversation>/;
const USER_TURN = /<user>\n([\s\S]*?)\n<\/user>/g;

/** The question a grading prompt is about: the last user turn of the quoted conversation. */
export function questionOf(text: string): string {
  const conversation = CONVERSATION.exec(text)?.[1];
  if (!conversation) return text;
  return [...conversation.matchAll(USER_TURN)].at(-1)?.[1] ?? text;
}

const REPLY_A = /<reply-a>\n([\s\S]*?)\n<\/reply-a>/;
const REPLY_B = /<reply-b>\n([\s\S]*?)\n<\/reply-b>/;

function describe(b: JudgeBreakdown): string {
  const wrong = b.wrong === 0 ? "no wrong claims" : `${b.wrong} wrong claim${b.wrong === 1 ? "" : "s"}`;
  return `covers ${b.covered} of ${b.total} key points with ${wrong}`;
}

const signed = (n: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(1)}`;

/**
 * The pairwise judge: scores both replies against the ground truth (key points − 1.5 × wrong
 * claims, plus the optional length bias and noise) and names the higher, or a tie. Each
 * reply's noise is seeded by its own text, so swapping the order mirrors the verdict.
 */
export function judgeReply(prompt: ReadPrompt, model: string, settings: SimJudgeSettings, sampling: Sampling): string | undefined {
  const a = REPLY_A.exec(prompt.question)?.[1];
  const b = REPLY_B.exec(prompt.question)?.[1];
  if (a === undefined || b === undefined) return undefined;
  const world = worldOf(questionOf(prompt.question));
  const rngFor = (text: string) => createRng(`judge|${model}|${sampling.temperature ?? "-"}|${sampling.seed ?? "-"}|${hashString(text)}`);
  const [sa, sb] = [judgeBreakdown(world, a, settings, rngFor(a)), judgeBreakdown(world, b, settings, rngFor(b))];
  const diff = sa.score - sb.score;
  const winner = Math.abs(diff) < TIE_MARGIN ? "tie" : diff > 0 ? "A" : "B";
  const parts = [
    winner === "tie"
      ? `Both replies score the same: reply A ${describe(sa)}, reply B ${describe(sb)}.`
      : winner === "A"
        ? `Reply A ${describe(sa)}; reply B ${describe(sb)}.`
        : `Reply B ${describe(sb)}; reply A ${describe(sa)}.`,
  ];
  if (settings.lengthBias > 0) parts.push(`Length bias: ${signed(sa.lengthBonus)} for A's ${sa.words} words, ${signed(sb.lengthBonus)} for B's ${sb.words}.`);
  if (settings.noise > 0) parts.push(`Judge noise: ${signed(sa.noise)} for A, ${signed(sb.noise)} for B.`);
  parts.push("(Simulated judge: key points minus 1.5 per wrong claim.)");
  return JSON.stringify({ winner, reason: parts.join(" ") });
}

const RANKER = /reply with the number of that candidate/i;

/** The LLM-Ranker: picks the candidate it grades best (see `gradeCandidates`); ties go to the earlier one. */
export function rankerReply(prompt: ReadPrompt, model: string, skill: SimSkill): string | undefined {
  if (!RANKER.test(prompt.system)) return undefined;
  const candidates = candidatesOf(prompt);
  if (candidates.length === 0) return "1";
  const scores = gradeCandidates(prompt, model, skill, candidates);
  return String(scores.indexOf(Math.max(...scores)) + 1);
}

/** The candidates of a grading prompt: in the system text, else in the user's message. */
export function candidatesOf(prompt: ReadPrompt): string[] {
  return prompt.answers.length > 0 ? prompt.answers : parseNumberedAnswers(prompt.question);
}

/**
 * How a sim grader rates each candidate with its own, imperfect knowledge: it credits only the
 * key points it knows itself, and takes off 1.5 for each wrong claim it doubts. It doubts a
 * wrong claim as an aggregator reading these candidates would drop it (aggregate.ts's
 * dropChance: what it recognises by itself, weighed against how many candidates make the claim),
 * so a claim most candidates make passes as consensus here too.
 */
export function gradeCandidates(prompt: ReadPrompt, model: string, skill: SimSkill, candidates: string[]): number[] {
  const world = worldOf(questionOf(prompt.question));
  const known = knowledgeOf(world, model, skill);
  const recognised = recognisedWrong(world, model, skill);
  const carried = candidates.map((text) => carriedBy(world, text));
  const doubted = world.wrong
    .filter((w) => {
      const by = carried.filter((c) => c.wrong.includes(w.id)).length;
      const s = Math.max(by, known.wrong.includes(w.id) ? 1 : 0);
      const against = candidates.length - by + carried.filter((c) => c.refuted.includes(w.id)).length;
      return unitHash(`doubt|${model}|${world.question}|${w.id}`) < dropChance(skill.catch, s, against, recognised.includes(w.id));
    })
    .map((w) => w.id);
  return carried.map((c) => c.points.filter((id) => known.points.includes(id)).length - 1.5 * c.wrong.filter((id) => doubted.includes(id)).length);
}
