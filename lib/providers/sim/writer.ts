import type { Caught } from "./aggregate";
import type { Beliefs } from "./knowledge";
import type { SimProfile } from "./profiles";
import { hashString, type Rng } from "./rng";
import type { SimWorld, WorldPoint } from "./world";

export interface Draft extends Beliefs {
  /** Wrong claims read in other answers and left out, to say so. */
  caught?: Caught[];
  /** A wrong claim stated with full confidence (the misleading-proposer demo). */
  confident?: string;
  /** A wrong claim that one of the answers read stated as certain ("One thing is certain: …"). */
  confidentRead?: string;
  /** Which draft of the artefact to show; by default one fixed per model. */
  variant?: number;
}

const LANGUAGE_NAMES: Record<string, string> = { ts: "TypeScript", js: "JavaScript", python: "Python", go: "Go", rust: "Rust", java: "Java", sql: "SQL", bash: "Bash" };

/** Neutral sentences with no claim in them: padding for `tokens=`. */
export const FILLER = [
  "Each of these points can be checked on its own.",
  "Feel free to ask if any part of this needs more detail.",
  "It is worth going through this slowly the first time.",
  "I hope this makes the picture clearer.",
];

// Short, so that what an answer says (its claims) outweighs how it is dressed.
const INTROS: Record<string, string[]> = {
  terse: [""],
  bulleted: [""],
  narrative: ["Here is how it fits together.", "It helps to take this one piece at a time."],
  stepwise: ["Step by step:"],
  skeptic: ["Here is what actually holds up."],
  expert: [""],
  aggregator: ["Here is a complete answer.", "Here is the full picture."],
  rambling: ["Well, let me think about this.", "Hmm, there is a bit to say here."],
};

const CLOSES: Record<string, string> = {
  skeptic: "**Caveat:** check the assumptions first.",
  rambling: "Anyway, that is the gist of it.",
};

function byId(world: SimWorld): Map<string, WorldPoint> {
  return new Map([...world.points, ...world.wrong].map((p) => [p.id, p]));
}

/** Claim sentences in reading order: points as the world lists them, wrong claims slipped in at seeded places. */
function sentencesOf(world: SimWorld, draft: Draft, rng: Rng): string[] {
  const items = byId(world);
  const out = draft.points.map((id) => items.get(id)!.text);
  for (const id of draft.wrong) {
    const text = id === draft.confident ? `**One thing is certain: ${items.get(id)!.text}**` : items.get(id)!.text;
    out.splice(rng.int(0, out.length), 0, text);
  }
  return out;
}

function work(world: SimWorld, model: string, draft: Draft): string {
  if (world.rows) {
    const items = byId(world);
    const rows = [...draft.points, ...draft.wrong].map((id) => items.get(id)!.row).filter((r): r is string => Boolean(r));
    if (world.rows.format === "json") return `\`\`\`json\n[\n${rows.map((r) => `  ${r}`).join(",\n")}\n]\n\`\`\``;
    return `${world.rows.header ?? ""}\n${rows.join("\n")}`.trim();
  }
  if (!world.work) return "";
  const variants = world.work.variants;
  const body = variants[draft.variant ?? hashString(model) % variants.length];
  if (world.work.format === "code") return `\`\`\`${world.work.lang ?? ""}\n${body}\n\`\`\``;
  return body
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

function workIntro(world: SimWorld): string {
  if (world.rows) return world.rows.format === "json" ? "Here is the JSON:" : "Here is the table:";
  if (!world.work) return "";
  if (world.work.format === "code") {
    const name = LANGUAGE_NAMES[world.work.lang ?? ""];
    return world.kind === "code" && /explain|what .* prints/i.test(world.question) ? "Here is the code, with what it prints:" : `Here is a solution${name ? ` in ${name}` : ""}:`;
  }
  return "Here is a draft:";
}

function callout(world: SimWorld, caught: Caught[] | undefined, answersRead: number, confident?: string): string {
  if (!caught || caught.length === 0) return "";
  const items = byId(world);
  const lines = caught.map(({ id, answers }) => {
    const who = answers.length === 1 ? `Answer ${answers[0]} states` : `Answers ${answers.slice(0, -1).join(", ")} and ${answers.at(-1)} state`;
    const others = answersRead - answers.length;
    const support = others === 1 ? "the other answer does not support it" : `the other ${others} answers do not support it`;
    const how = id === confident ? " with confidence" : "";
    return `- ${who}${how}: “${items.get(id)!.text}” This is wrong, and ${support}, so it is left out here.`;
  });
  return `### A claim I left out\n\n${lines.join("\n")}`;
}

function body(style: string, kind: SimWorld["kind"], sentences: string[]): string {
  if (sentences.length === 0) return "I am not sure about the details here, so I will keep this short.";
  if (style === "stepwise") return sentences.map((s, i) => `${i + 1}. ${s}`).join("\n");
  if (style === "bulleted" || kind === "list") return sentences.map((s) => `- ${s}`).join("\n");
  if (style === "expert" && sentences.length >= 3) {
    return `${sentences[0]}\n\n> Key idea: ${sentences[1]}\n\n${sentences.slice(2).join(" ")}`;
  }
  if (style === "rambling" && sentences.length >= 2) {
    const half = Math.ceil(sentences.length / 2);
    return `${sentences.slice(0, half).join(" ")}\n\nAnd then there is this: ${sentences.slice(half).join(" ")}`;
  }
  if (style === "terse") return sentences.join(" ");
  const half = Math.ceil(sentences.length / 2);
  return [sentences.slice(0, half).join(" "), sentences.slice(half).join(" ")].filter(Boolean).join("\n\n");
}

/**
 * A readable answer built from the claims of `draft`, in the model's style: the artefact the
 * prompt asks for (code, poem, email, JSON, table), then the claims as sentences, lists or
 * steps, then any claim the model read and left out as wrong.
 */
export function writeAnswer(world: SimWorld, profile: SimProfile, draft: Draft, rng: Rng, answersRead: number): string {
  const style = INTROS[profile.style] ? profile.style : "narrative";
  const sentences = sentencesOf(world, draft, rng);
  const artefact = work(world, profile.name, draft);
  const parts: string[] = [];
  const intro = rng.pick(INTROS[style]);
  if (style === "bulleted") parts.push("### The essentials");
  else if (style === "expert") parts.push("## Answer");
  else if (style === "terse" && !artefact) sentences[0] &&= `In short: ${sentences[0]}`;
  if (artefact) {
    parts.push(workIntro(world), artefact);
    parts.push(world.rows ? "Notes:" : style === "terse" ? "Why:" : world.work?.format === "quote" ? "Why it works:" : "How it works:");
  } else if (intro) {
    parts.push(intro);
  }
  parts.push(body(style, world.kind, sentences));
  const noted = callout(world, draft.caught, answersRead, draft.confidentRead);
  if (noted) parts.push(noted);
  if (CLOSES[style]) parts.push(CLOSES[style]);
  return parts.filter(Boolean).join("\n\n");
}
