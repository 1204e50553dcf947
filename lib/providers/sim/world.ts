import { answerSentences, contentTokens, MATCH_THRESHOLD, matcherFor, refutes, RIVAL_MARGIN, type Matcher } from "./match";
import { KNOWLEDGE_WORLDS } from "./worlds/builtin-knowledge";
import { TASK_WORLDS } from "./worlds/builtin-tasks";
import { genericWorld } from "./worlds/generic";
import type { ClaimSpec, WorldSpec } from "./worlds/spec";

/**
 * The simulated world: for every prompt, a hidden ground truth of key points (correct claims)
 * and tempting wrong claims. Simulated models know some of the points, believe some of the
 * wrong claims, and write answers from them; the simulated judge scores answers against the
 * same ground truth. MoA's effects then follow from the mechanism, not from rules about MoA.
 * Pure TypeScript (no node imports): the browser shows which points each answer carried.
 */
export interface WorldPoint {
  id: string;
  /** One readable, grammatical sentence. */
  text: string;
  /** For extraction prompts: the JSON object or table row this claim adds to a structured answer. */
  row?: string;
}

export interface SimWorld {
  question: string;
  /** Code prompts get answers with a ``` fence. */
  kind: "code" | "list" | "prose";
  /** Correct key points, ids "k1".."kN". */
  points: WorldPoint[];
  /** Tempting wrong claims, ids "w1".."wM". */
  wrong: WorldPoint[];
  /** The artefact the prompt asks for (code, a poem, an email), in one or more drafts. */
  work?: WorldSpec["work"];
  rows?: WorldSpec["rows"];
  /** True when the points were written by hand for this prompt, false when generated from templates. */
  handWritten: boolean;
}

/** Ids of the world's points and wrong claims found in an answer. */
export interface Carried {
  points: string[];
  wrong: string[];
  /** Wrong claims the answer names in order to refute them ("… this is wrong"). */
  refuted: string[];
}

function normalise(question: string): string {
  return question.trim().replace(/\s+/g, " ").replace(/[?.!]+$/, "").toLowerCase();
}

const HAND_WRITTEN = new Map([...TASK_WORLDS, ...KNOWLEDGE_WORLDS].map((w) => [normalise(w.question), w]));

function claims(specs: ClaimSpec[], prefix: string): WorldPoint[] {
  return specs.map((spec, i) => (typeof spec === "string" ? { id: `${prefix}${i + 1}`, text: spec } : { id: `${prefix}${i + 1}`, ...spec }));
}

const cache = new Map<string, SimWorld>();

/** The world of one prompt, seeded by the question only: every model, judge and viewer sees the same one. */
export function worldOf(question: string): SimWorld {
  const key = normalise(question);
  const hit = cache.get(key);
  if (hit) return hit;
  const known = HAND_WRITTEN.get(key);
  const spec = known ?? genericWorld(question.trim());
  const world: SimWorld = {
    question: question.trim(),
    kind: spec.kind,
    points: claims(spec.points, "k"),
    wrong: claims(spec.wrong, "w"),
    ...(spec.work ? { work: spec.work } : {}),
    ...(spec.rows ? { rows: spec.rows } : {}),
    handWritten: known !== undefined,
  };
  if (cache.size > 500) cache.clear();
  cache.set(key, world);
  return world;
}

/** Prompts with a hand-written world (the built-in experiment set, the demos, the UI's examples). */
export function handWrittenQuestions(): string[] {
  return [...TASK_WORLDS, ...KNOWLEDGE_WORLDS].map((w) => w.question);
}

interface WorldReading {
  tokens: string[][];
  matcher: Matcher;
  /** What each answer read so far carries, shared by every reader (none changes it). */
  answers: Map<string, Carried>;
}

/** Answers remembered per world; past it the memory starts over (a world serves one prompt). */
const MAX_READ_ANSWERS = 64;
const readings = new WeakMap<SimWorld, WorldReading>();

function readingOf(world: SimWorld): WorldReading {
  let reading = readings.get(world);
  if (!reading) {
    const tokens = [...world.points, ...world.wrong].map((item) => contentTokens(item.text));
    reading = { tokens, matcher: matcherFor(tokens, contentTokens(world.question)), answers: new Map() };
    readings.set(world, reading);
  }
  return reading;
}

/**
 * Which points and wrong claims an answer makes. A claim is made when one sentence of the
 * answer covers most of its distinctive content words (exact on simulated text, tolerant of
 * paraphrase); a negated claim needs a negation; a wrong claim stated next to a word such as
 * "wrong", "myth" or "mistake" is being refuted, not made. Code blocks and table rows are
 * not read: the claims are judged in prose. Remembered per world and answer: the six
 * aggregators of a 3×6 layer read the same six answers, and reading them was most of what a
 * simulated run cost the server.
 */
export function carriedBy(world: SimWorld, answer: string): Carried {
  const reading = readingOf(world);
  const known = reading.answers.get(answer);
  if (known) return known;
  const carried = readAnswer(world, reading, answer);
  if (reading.answers.size >= MAX_READ_ANSWERS) reading.answers.clear();
  reading.answers.set(answer, carried);
  return carried;
}

function readAnswer(world: SimWorld, { tokens, matcher }: WorldReading, answer: string): Carried {
  const nPoints = world.points.length;
  const found = new Set<number>();
  const refuted = new Set<number>();
  for (const sentence of answerSentences(answer).map((s) => new Set(contentTokens(s)))) {
    const cover = tokens.map((claim) => (claim.includes("not") && !sentence.has("not") ? 0 : matcher.coverage(claim, sentence)));
    const best = Math.max(...cover);
    const bestPoint = Math.max(0, ...cover.slice(0, nPoints));
    cover.forEach((c, i) => {
      // A sentence that reads as well as one claim can also make a second one, but not a
      // weaker echo of the first; and a wrong claim must read better than every correct point.
      if (c < MATCH_THRESHOLD || c < best - RIVAL_MARGIN) return;
      if (i >= nPoints && c <= bestPoint) return;
      if (i >= nPoints && refutes(sentence, tokens[i])) refuted.add(i);
      else found.add(i);
    });
  }
  return {
    points: world.points.filter((_, i) => found.has(i)).map((p) => p.id),
    wrong: world.wrong.filter((_, i) => found.has(nPoints + i)).map((w) => w.id),
    refuted: world.wrong.filter((_, i) => refuted.has(nPoints + i) && !found.has(nPoints + i)).map((w) => w.id),
  };
}
