import type { LanguageModelV3Prompt } from "@ai-sdk/provider";

export interface ReadPrompt {
  /** The last user message: what the sim answers. */
  question: string;
  /** All system text, where the engine puts the synthesis message. */
  system: string;
  /** Previous-layer answers found in the system text (empty for a proposer call). */
  answers: string[];
  /** Everything, for seeding. */
  all: string;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && "text" in part && typeof part.text === "string" ? part.text : ""))
    .join("\n");
}

export function readPrompt(prompt: LanguageModelV3Prompt): ReadPrompt {
  const system = prompt
    .filter((m) => m.role === "system")
    .map((m) => textOf(m.content))
    .join("\n\n");
  const users = prompt.filter((m) => m.role === "user");
  const question = textOf(users.at(-1)?.content ?? "");
  const all = prompt.map((m) => `${m.role}: ${textOf(m.content)}`).join("\n");
  return { question, system, answers: parseNumberedAnswers(system), all };
}

const FENCE_CLOSE = /<\/(answer-[0-9a-f]+)>/g;
const TAGGED = /<(answer|response|proposal)\b[^>]*>([\s\S]*?)<\/\1>/gi;
const LABELLED =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?\[?(?:answer|response|model|agent|proposal|proposer|candidate)[ \t]*#?[ \t]*(\d+)\]?(?:\*\*)?[ \t]*(?:[:.)\]—–-]|\(|$)/gim;
const NUMBERED = /^[ \t]*\[?(\d+)[.)\]][ \t]+/gm;

/**
 * The engine wraps previous answers in a numbered list. The exact wording is the engine's
 * business, so accept the common shapes: fenced `<answer-1a2b3c4d n="1">` tags, `<answer>`
 * tags, "Answer 1:" / "### Response 1" labels, or a plain `1.` list numbered 1, 2, 3… at
 * line starts.
 */
export function parseNumberedAnswers(system: string): string[] {
  const fenced = fencedAnswers(system);
  if (fenced.length > 0) return fenced;
  const tagged = [...system.matchAll(TAGGED)].map((m) => m[2].trim()).filter(Boolean);
  if (tagged.length > 0) return tagged;
  const labelled = splitAt(system, LABELLED, false);
  if (labelled.length > 0) return labelled;
  return splitAt(system, NUMBERED, true);
}

/**
 * The engine's fence is a tag no answer contains, and the last answer closes the block, so the
 * last closing tag names it; tag-like text inside an answer stays part of that answer.
 */
function fencedAnswers(system: string): string[] {
  const tag = [...system.matchAll(FENCE_CLOSE)].at(-1)?.[1];
  if (!tag) return [];
  const block = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "g");
  return [...system.matchAll(block)].map((m) => m[1].trim()).filter(Boolean);
}

function splitAt(text: string, pattern: RegExp, requireTwo: boolean): string[] {
  const starts: Array<{ index: number; end: number }> = [];
  let expected = 1;
  for (const m of text.matchAll(pattern)) {
    if (Number(m[1]) !== expected) continue;
    starts.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    expected += 1;
  }
  // A lone "1." is more likely a list inside an instruction than a list of answers.
  if (starts.length === 0 || (requireTwo && starts.length < 2)) return [];
  return starts
    .map((s, i) => text.slice(s.end, i + 1 < starts.length ? starts[i + 1].index : undefined).trim())
    .filter(Boolean);
}
