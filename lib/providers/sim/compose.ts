import type { SimProfile } from "./profiles";
import type { ReadPrompt } from "./prompt";
import type { Rng } from "./rng";
import { CAVEATS, CLOSES, FILLERS, INTRO, POINTS, type Slots, fill, titleCase } from "./phrases";
import { composeSynthesis, quoteFrom } from "./compose-synthesis";
import { claimSection, findFalseClaims, insertFalseClaim, judgeReply, rankerReply, wantsMisleading } from "./demo-behaviours";
import { countTokens, keywordsOf, tokenize, topicOf } from "./words";

export interface ComposeInput {
  profile: SimProfile;
  prompt: ReadPrompt;
  rng: Rng;
  /** Exact output length in tokens (words), from a `tokens=` override. */
  tokens?: number;
}

/** Deterministic answer text for one sim call. */
export function composeAnswer({ profile, prompt, rng, tokens }: ComposeInput): string {
  const ranked = rankerReply(prompt) ?? judgeReply(prompt);
  if (ranked !== undefined) return ranked;
  const slots = slotsFor(prompt.question, rng);
  const target = tokens ?? rng.int(profile.words[0], profile.words[1]);
  const text =
    profile.style === "aggregator"
      ? composeChecked(prompt, rng, slots, target)
      : composeStyled(profile, prompt, rng, slots, target);
  const told = wantsMisleading(prompt) ? insertFalseClaim(text, rng, slots) : text;
  return tokens === undefined ? told : exactly(told, tokens, rng, slots);
}

/** Synthesis that deals visibly with a confident false claim among the answers (the misleading-proposer demo). */
function composeChecked(prompt: ReadPrompt, rng: Rng, slots: Slots, target: number): string {
  const check = findFalseClaims(prompt.answers);
  const section = claimSection(check, prompt.answers.length);
  if (!section) return composeSynthesis({ prompt, rng, slots, target });
  const body = composeSynthesis({ prompt: { ...prompt, answers: section.fooled ? prompt.answers : check.clean }, rng, slots, target });
  const close = body.lastIndexOf("\n\n**Bottom line:**");
  return close === -1 ? `${body}\n\n${section.text}` : `${body.slice(0, close)}\n\n${section.text}${body.slice(close)}`;
}

function slotsFor(question: string, rng: Rng): Slots {
  const keys = keywordsOf(question, 6);
  const pool = [...keys, ...FILLERS].slice(0, Math.max(3, keys.length));
  const [a, b, c] = [...pool.slice(0, 1), ...rng.sample(pool.slice(1), 2)];
  return { t: topicOf(question), title: topicOf(question, 10), a, b: b ?? FILLERS[1], c: c ?? FILLERS[2], keys };
}

/** Sentences from `pool` until about `words` words: the body grows to the target length. */
function sentences(pool: readonly string[], words: number, rng: Rng, slots: Slots): string[] {
  const out: string[] = [];
  let count = 0;
  for (const template of rng.sample(pool, pool.length)) {
    if (count >= words) break;
    const s = fill(template, slots);
    out.push(s);
    count += countTokens(s);
  }
  return out;
}

function composeStyled(profile: SimProfile, prompt: ReadPrompt, rng: Rng, s: Slots, target: number): string {
  const intro = fill(rng.pick(INTRO), s);
  const close = fill(rng.pick(CLOSES), s);
  const caveat = fill(rng.pick(CAVEATS), s);
  // A proposer placed in a later layer still shows what it received, in its own voice.
  const building = prompt.answers.length > 0 ? buildingOn(prompt.answers, rng) : "";
  const bodyWords = Math.max(20, target - countTokens(intro + close + caveat + building));
  const body = sentences(POINTS, bodyWords, rng, s);
  const lead = building ? `${building}\n\n` : "";
  switch (profile.style) {
    case "terse":
      return `${lead}${intro} ${body.slice(0, 3).join(" ")}\n\n${body.slice(3).join(" ")} ${close}`.trim();
    case "bulleted": {
      const labels = [...new Set([s.a, s.b, s.c, ...s.keys])];
      const bullets = body.map((line, i) => `- **${titleCase(labels[i] ?? "Also")}:** ${line}`);
      return `${lead}### ${titleCase(s.title)}\n\n${intro}\n\n${bullets.join("\n")}\n\n### Watch out\n\n- ${caveat}\n\n${close}`;
    }
    case "stepwise": {
      const steps = body.map((line, i) => `**Step ${i + 1}.** ${line}`);
      return `${lead}Here is a step-by-step way to think about ${s.t}.\n\n${steps.join("\n\n")}\n\n${caveat} ${close}`;
    }
    case "skeptic": {
      const half = Math.ceil(body.length / 2);
      return `${lead}It depends on what you need from ${s.t}. ${intro}\n\n**In favour:** ${body.slice(0, half).join(" ")}\n\n**Against:** ${caveat} ${body.slice(half).join(" ")}\n\n**Bottom line:** ${close}`;
    }
    case "expert":
      return `${lead}## ${titleCase(s.title)}\n\n${intro} ${body.slice(0, 2).join(" ")}\n\n> Key idea: ${body[2] ?? close}\n\n${body.slice(3).join(" ")} ${caveat}\n\n**In short:** ${close}`;
    case "rambling":
      return `${lead}Well, let me think about ${s.t} for a moment. ${intro} ${body.slice(0, 3).join(" ")}\n\nAnd then, of course, ${lower(body.slice(3).join(" "))} ${caveat}\n\nAnyway. ${close}`;
    default:
      return `${lead}${intro} ${body.slice(0, 3).join(" ")}\n\n${body.slice(3).join(" ")} ${caveat}\n\n${close}`;
  }
}

function buildingOn(answers: string[], rng: Rng): string {
  const picks = rng.sample(answers.map((_, i) => i), Math.min(2, answers.length)).sort((x, y) => x - y);
  const quotes = picks.map((i) => quoteFrom(answers[i], rng)).filter((q): q is string => Boolean(q));
  const named = picks.map((i) => i + 1).join(" and ");
  if (quotes.length === 0) return `Building on the ${answers.length} previous answers:`;
  return `Building on the ${answers.length} previous answers, answer${picks.length > 1 ? "s" : ""} ${named} got it right: “${quotes.join("” … “")}”`;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Pad with more sentences or cut so the output is exactly `tokens` words long. */
function exactly(text: string, tokens: number, rng: Rng, slots: Slots): string {
  const words = tokenize(text);
  while (words.length < tokens) words.push(...tokenize(` ${fill(rng.pick(POINTS), slots)}`));
  return words.slice(0, tokens).join("");
}
