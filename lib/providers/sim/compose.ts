import { aggregateBeliefs } from "./aggregate";
import type { SimJudgeSettings } from "./judge-score";
import { knowledgeOf, recognisedWrong, sampleKnowledge, samplingRng, type Sampling } from "./knowledge";
import type { SimProfile, SimSkill } from "./profiles";
import type { ReadPrompt } from "./prompt";
import { simAnalysis, wantsAnalysis } from "./fusion-analysis";
import { gradeReply } from "./grader";
import { mathReply } from "./math-reply";
import { methodReply } from "./method-replies";
import { judgeReply, rankerReply } from "./referee";
import type { Rng } from "./rng";
import { carriedBy, worldOf, type SimWorld } from "./world";
import { FILLER, writeAnswer, type Draft } from "./writer";
import { tokenize } from "./words";

export interface ComposeInput {
  profile: SimProfile;
  prompt: ReadPrompt;
  /** Seeded by model, temperature, seed and the whole prompt: wording choices. */
  rng: Rng;
  /** The profile's skill with any overrides from the sim id applied. */
  skill: SimSkill;
  judge: SimJudgeSettings;
  sampling: Sampling;
  /** Exact output length in tokens (words), from a `tokens=` override. */
  tokens?: number;
}

/** The demo's misleading proposer (lib/teach/misleading.ts) is told to be subtly wrong. */
export function wantsMisleading(prompt: ReadPrompt): boolean {
  return /subtly wrong/i.test(prompt.system);
}

/**
 * Deterministic answer text for one sim call. A grading prompt gets a verdict or a pick;
 * otherwise the model writes from what it knows about the prompt's world, and, given previous
 * answers, from what it takes up from them (see aggregate.ts).
 */
export function composeAnswer({ profile, prompt, rng, skill, judge, sampling, tokens }: ComposeInput): string {
  const graded =
    rankerReply(prompt, profile.name, skill) ??
    judgeReply(prompt, profile.name, judge, sampling) ??
    gradeReply(prompt, profile.name, judge, sampling) ??
    methodReply(prompt, profile.name, skill);
  if (graded !== undefined) return graded;
  const math = mathReply(prompt, profile.name, skill, sampling);
  if (math !== undefined) return tokens === undefined ? math : exactly(math, tokens);

  const world = worldOf(prompt.question);
  const known = knowledgeOf(world, profile.name, skill);
  const own = sampleKnowledge(world, known, skill, samplingRng(profile.name, world.question, sampling), sampling);
  let draft: Draft = own;
  if (prompt.answers.length > 0) {
    const read = aggregateBeliefs(world, own, prompt.answers, skill, rng, recognisedWrong(world, profile.name, skill));
    draft = { ...read, confidentRead: confidentClaim(world, prompt.answers) };
  }
  if (wantsMisleading(prompt)) {
    // Told to be subtly wrong: it states as certain the least common wrong claim it would not
    // otherwise make, a planted error rather than a popular myth.
    const fresh = world.wrong.filter((w) => !draft.wrong.includes(w.id));
    const claim = fresh.at(-1)?.id ?? draft.wrong[0];
    if (claim) draft = { ...draft, wrong: [...new Set([...draft.wrong, claim])], confident: claim };
  }
  const written = writeAnswer(world, profile, draft, rng, prompt.answers.length);
  const text = tokens === undefined ? written : exactly(written, tokens);
  if (prompt.answers.length === 0 || !wantsAnalysis(prompt.system)) return text;
  const analysis = JSON.stringify(simAnalysis(world, known, prompt.answers), null, 1);
  return `<analysis>\n${analysis}\n</analysis>\n\n<answer>\n${text}\n</answer>`;
}

const CERTAIN = /One thing is certain: ([^*\n]+)/;

/** The wrong claim an answer states as certain, if any: it is called out as such. */
function confidentClaim(world: SimWorld, answers: string[]): string | undefined {
  for (const answer of answers) {
    const sentence = CERTAIN.exec(answer)?.[1];
    if (sentence) return carriedBy(world, sentence).wrong[0];
  }
  return undefined;
}

/** Pad with neutral sentences or cut so the output is exactly `tokens` words long. */
function exactly(text: string, tokens: number): string {
  const words = tokenize(text);
  for (let i = 0; words.length < tokens; i++) words.push(...tokenize(`${i === 0 ? "\n\n" : " "}${FILLER[i % FILLER.length]}`));
  return words.slice(0, tokens).join("");
}
