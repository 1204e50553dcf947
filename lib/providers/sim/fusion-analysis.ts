import type { Beliefs } from "./knowledge";
import { carriedBy, type SimWorld } from "./world";

const FUSION = /between <analysis> and <\/analysis>/i;

export function wantsAnalysis(system: string): boolean {
  return FUSION.test(system);
}

/**
 * A sim aggregator's analyse-then-write analysis, straight from the ground truth it can see in
 * its inputs: points most answers make (consensus), wrong claims some make and others do not
 * (contradictions), points only one answer makes (unique), and points it knows that no answer
 * made (blind spots). Answers are numbered from 1 as in the prompt.
 */
export function simAnalysis(world: SimWorld, own: Beliefs, answers: string[]) {
  const carried = answers.map((a) => carriedBy(world, a));
  const by = (id: string) => carried.flatMap((c, i) => (c.points.includes(id) || c.wrong.includes(id) ? [i + 1] : []));
  const majority = Math.max(2, Math.ceil(answers.length / 2));
  const consensus = world.points.filter((p) => by(p.id).length >= majority).map((p) => ({ text: p.text, answers: by(p.id) }));
  const unique = world.points.filter((p) => by(p.id).length === 1).map((p) => ({ text: p.text, answers: by(p.id) }));
  const contradictions = world.wrong
    .filter((w) => by(w.id).length > 0 && by(w.id).length < answers.length)
    .map((w) => ({ text: `Only some answers claim: ${w.text}`, answers: by(w.id) }));
  const blindSpots = world.points.filter((p) => by(p.id).length === 0 && own.points.includes(p.id)).map((p) => ({ text: p.text, answers: [] }));
  return { consensus, contradictions, unique, blindSpots };
}
