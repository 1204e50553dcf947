import type { Beliefs } from "./knowledge";
import type { SimSkill } from "./profiles";
import type { Rng } from "./rng";
import { carriedBy, type SimWorld } from "./world";

/** A wrong claim the aggregator read and left out, with the 1-based answers that made it. */
export interface Caught {
  id: string;
  answers: number[];
}

export interface Aggregated extends Beliefs {
  caught: Caught[];
  /** The draft of the prompt's artefact (code, poem, email) it builds on: the one in the answer with most key points. */
  variant?: number;
}

function bestVariant(world: SimWorld, answers: string[], pointsIn: number[]): number | undefined {
  const variants = world.work?.variants ?? [];
  let best: { variant: number; points: number } | undefined;
  answers.forEach((answer, i) => {
    const variant = variants.findIndex((v) => answer.includes(v.split("\n")[0]));
    if (variant !== -1 && (!best || pointsIn[i] > best.points)) best = { variant, points: pointsIn[i] };
  });
  return best?.variant;
}

/** Chance to take up a claim made by `s` of the answers read: each answer is one more chance to notice it. */
export function takeUpChance(keep: number, s: number): number {
  return s <= 0 ? 0 : 1 - (1 - keep) ** s;
}

/**
 * Chance to drop a wrong claim that `s` sources make (the answers making it, at least 1 when
 * the model believes it itself) and `against` answers speak against (those that omit it, plus
 * once more each answer that calls it wrong). A claim the model recognises as wrong by itself
 * goes as soon as the voices against outnumber those for it; any other claim only by weight of
 * numbers: none while it looks like consensus (against ≤ s), the full catch chance once the
 * voices against are at least twice as many. Either way a claim most answers make survives:
 * without the first rule, refining layers of weak aggregators passed wrong claims on until
 * they looked like consensus, and deeper MoA lost to a ranker that judged by what it knew.
 */
export function dropChance(catchSkill: number, s: number, against: number, recognised = false): number {
  if (s <= 0) return 0;
  if (recognised && against > s) return 1;
  return catchSkill * Math.min(1, Math.max(0, (against - s) / s));
}

/**
 * What an aggregator writes from: what it knows itself, plus each claim it reads, taken up
 * with its keep chance; then each wrong claim it holds must survive its check (dropChance;
 * `recognised` are the claims it can tell are wrong by itself, see recognisedWrong). With keep
 * 0 it writes only what it knows (the inputs add nothing); with keep 1 and catch 1 it writes
 * every correct point it read and drops every outvoted wrong claim.
 */
export function aggregateBeliefs(
  world: SimWorld,
  own: Beliefs,
  answers: string[],
  skill: SimSkill,
  rng: Rng,
  recognised: readonly string[] = [],
): Aggregated {
  const carried = answers.map((a) => carriedBy(world, a));
  const makers = (id: string) => carried.flatMap((c, i) => (c.points.includes(id) || c.wrong.includes(id) ? [i + 1] : []));

  const points = world.points
    .filter((p) => {
      const u = rng.next();
      return own.points.includes(p.id) || u < takeUpChance(skill.keep, makers(p.id).length);
    })
    .map((p) => p.id);

  const wrong: string[] = [];
  const caught: Caught[] = [];
  for (const w of world.wrong) {
    const [take, check] = [rng.next(), rng.next()];
    const by = makers(w.id);
    const believed = own.wrong.includes(w.id);
    if (!believed && !(take < takeUpChance(skill.keep, by.length))) continue;
    // Its own belief makes it take the claim up, but weighs no more than one answer making it.
    const s = Math.max(by.length, believed ? 1 : 0);
    const refuting = carried.filter((c) => c.refuted.includes(w.id)).length;
    if (check < dropChance(skill.catch, s, answers.length - by.length + refuting, recognised.includes(w.id))) {
      if (by.length > 0) caught.push({ id: w.id, answers: by });
    } else {
      wrong.push(w.id);
    }
  }
  return { points, wrong, caught, variant: bestVariant(world, answers, carried.map((c) => c.points.length)) };
}
