import type { SimSkill } from "./profiles";
import { createRng, unitHash, type Rng } from "./rng";
import type { SimWorld } from "./world";

/** The claims one answer is written from: ids of key points and wrong claims. */
export interface Beliefs {
  points: string[];
  wrong: string[];
}


/**
 * How easy a key point is to know, from 0.25 (few models know it) to 2 (most do), seeded by
 * the question: every world has easy and hard points.
 */
export function easeOf(world: SimWorld, id: string): number {
  return 0.25 + 1.75 * unitHash(`ease|${world.question}|${id}`);
}

/**
 * Wrong claims are listed most tempting first: the first is believed 1.5 times as often as
 * the hallucination rate says, the last half as often (the mean stays at the rate).
 */
export function temptation(index: number, count: number): number {
  return count <= 1 ? 1 : 1.5 - index / (count - 1);
}

/**
 * What a model knows about one prompt: `round(recall × N)` key points, picked by a seeded
 * shuffle of model and question, and each wrong claim with chance `hallucination`. Neither
 * depends on temperature or seed, so repeated samples of one model share what they know and
 * what they get wrong, while different models know different points.
 */
export function knowledgeOf(world: SimWorld, model: string, skill: SimSkill): Beliefs {
  const count = Math.round(skill.recall * world.points.length);
  // Weighted sampling without replacement (key u^(1/ease)): easy points are known by most models, hard ones by few.
  const key = (id: string) => unitHash(`know|${model}|${world.question}|${id}`) ** (1 / easeOf(world, id));
  const ranked = [...world.points].sort((a, b) => key(b.id) - key(a.id));
  const known = new Set(ranked.slice(0, count).map((p) => p.id));
  return {
    points: world.points.filter((p) => known.has(p.id)).map((p) => p.id),
    wrong: world.wrong.filter((w, i) => unitHash(`believe|${model}|${world.question}|${w.id}`) < skill.hallucination * temptation(i, world.wrong.length)).map((w) => w.id),
  };
}

/**
 * The wrong claims a model can tell are wrong by itself: those it does not believe, each
 * noticed with its catch chance, seeded by model, prompt and claim. The same set whether the
 * model writes (aggregate.ts) or grades (referee.ts): what it knows does not change with its role.
 */
export function recognisedWrong(world: SimWorld, model: string, skill: SimSkill): string[] {
  const believed = knowledgeOf(world, model, skill).wrong;
  return world.wrong.filter((w) => !believed.includes(w.id) && unitHash(`spot|${model}|${world.question}|${w.id}`) < skill.catch).map((w) => w.id);
}

/** Chance, per unit of temperature, that sampling leaves out a known point or recalls an unknown one. */
export const SAMPLING_JITTER = 0.1;

export interface Sampling {
  temperature?: number;
  seed?: number;
}

/** An rng for sampling variation: model, question, temperature and seed, but not the answers read. */
export function samplingRng(model: string, question: string, sampling: Sampling): Rng {
  return createRng(`sample|${model}|${sampling.temperature ?? "-"}|${sampling.seed ?? "-"}|${question}`);
}

/**
 * One sample of a model's knowledge: a little variation with temperature (providers default
 * to about 0.7 when none is set). Wrong beliefs are not resampled: a model's mistakes persist.
 */
export function sampleKnowledge(world: SimWorld, known: Beliefs, skill: SimSkill, rng: Rng, sampling: Sampling): Beliefs {
  const jitter = SAMPLING_JITTER * Math.min(2, Math.max(0, sampling.temperature ?? 0.7));
  const has = new Set(known.points);
  const points = world.points
    .filter((p) => {
      const u = rng.next();
      return has.has(p.id) ? u >= jitter : skill.recall > 0 && u < jitter * easeOf(world, p.id);
    })
    .map((p) => p.id);
  return { points, wrong: [...known.wrong] };
}
