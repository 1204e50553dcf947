import type { ChatMessage } from "./conversation";

/**
 * The aggregate-and-synthesize instruction given to every agent after layer 1. It asks for
 * a new answer rather than a pick, because the MoA paper found synthesis beats selection.
 */
export const DEFAULT_SYNTHESIS_PROMPT = [
  "Below are answers that several different AI models gave to the most recent user message.",
  "Treat them as drafts from colleagues, not as sources of truth: some may contain mistakes, gaps, outdated facts or a one-sided view.",
  "Check each claim critically, keep what is correct and useful, resolve disagreements on the merits, and add whatever all of them missed.",
  "Do not copy any single answer and do not mention that you were shown other answers.",
  "Reply to the user directly with one accurate, complete and well-structured answer of your own.",
].join(" ");

const OPEN_TAG = /<answer n="(\d+)">\n/g;
const CLOSE_TAG = "\n</answer>";

/** One previous answer as it appears in the system message; bodies are kept verbatim. */
export function formatAnswers(answers: string[]): string {
  return answers.map((text, i) => `<answer n="${i + 1}">\n${text}${CLOSE_TAG}`).join("\n\n");
}

export function buildSynthesisBlock(previousAnswers: string[], synthesisPrompt?: string): string {
  const prompt = synthesisPrompt?.trim() ? synthesisPrompt.trim() : DEFAULT_SYNTHESIS_PROMPT;
  return `${prompt}\n\nAnswers (${previousAnswers.length}):\n\n${formatAnswers(previousAnswers)}`;
}

export interface AnswerSpan {
  /** 1-based number as written in the prompt. */
  n: number;
  /** Offsets of the answer body in the searched text: `text.slice(start, end)` is the answer. */
  start: number;
  end: number;
}

/** Finds the numbered answers inside a system message built by `buildAgentMessages`, for highlighting. */
export function findAnswerSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const match of text.matchAll(OPEN_TAG)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf(CLOSE_TAG, start);
    if (end === -1) break;
    spans.push({ n: Number(match[1]), start, end });
  }
  // An answer that itself contains a tag-like line would produce overlapping spans; keep the first reading.
  return spans.filter((span, i) => i === 0 || span.start > spans[i - 1].end);
}

/**
 * The messages one agent receives: a single system message first (the agent's own system
 * prompt, then the conversation's, then the synthesis block), followed by the user and
 * assistant turns unchanged. Layer 1 passes no previous answers.
 */
export function buildAgentMessages(input: {
  conversation: ChatMessage[];
  agentSystem?: string;
  previousAnswers: string[];
  synthesisPrompt?: string;
}): ChatMessage[] {
  const systemParts: string[] = [];
  if (input.agentSystem?.trim()) systemParts.push(input.agentSystem.trim());
  for (const message of input.conversation) {
    if (message.role === "system" && message.content.trim()) systemParts.push(message.content.trim());
  }
  if (input.previousAnswers.length > 0) systemParts.push(buildSynthesisBlock(input.previousAnswers, input.synthesisPrompt));

  const turns = input.conversation.filter((m) => m.role !== "system");
  return systemParts.length > 0 ? [{ role: "system", content: systemParts.join("\n\n") }, ...turns] : turns;
}
