import type { AgentConfig } from "../config";
import type { ChatMessage } from "../conversation";
import { buildAgentMessages } from "../synthesis";
import { fusionAnalysisSchema, type FusionAnalysis } from "./analysis-schema";
import type { Strategy } from "./strategy";

/**
 * Fusion-style analyse-then-write (as OpenRouter Fusion and LiteLLM's fusion do it): before it
 * writes, the aggregator states where the answers agree and disagree, what only one saw and
 * what all missed, each pointing at the answers; the playground draws that as a map.
 */
export const FUSION_PROMPT = [
  "Below are answers that several AI models gave to the most recent user message. Treat them as drafts to evaluate, not as sources of truth.",
  "First analyse them, then write the reply.",
  'The analysis is one JSON object between <analysis> and </analysis>: {"consensus": [...], "contradictions": [...], "unique": [...], "blindSpots": [...]},',
  'where every entry is {"text": "<one sentence>", "answers": [<numbers of the answers it comes from>]}:',
  "consensus = claims most answers share; contradictions = points where answers disagree (list the answers on either side); unique = insights only one answer has; blind spots = what every answer missed (answers: []).",
  "Then write your own accurate, complete reply to the user between <answer> and </answer>, resolving the contradictions on the merits and covering the blind spots. Do not mention the other answers in it.",
].join(" ");

const ANALYSIS = /<analysis>([\s\S]*?)<\/analysis>/i;
const ANSWER = /<answer>([\s\S]*?)(?:<\/answer>|$)/i;

export type FusionReply = { analysis?: FusionAnalysis; error?: string; answer: string };

/** Splits an analyse-then-write reply into its analysis (checked with zod) and the reply to the user. */
export function parseFusionReply(text: string): FusionReply {
  const block = ANALYSIS.exec(text);
  const rest = block ? text.slice(0, block.index) + text.slice(block.index + block[0].length) : text;
  const answer = (ANSWER.exec(rest)?.[1] ?? rest).trim();
  if (!block) return { answer, error: "the reply has no <analysis> block" };
  const json = block[1].replace(/```(?:json)?/gi, "").trim();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { answer, error: "the analysis is not valid JSON" };
  }
  const parsed = fusionAnalysisSchema.safeParse(value);
  return parsed.success ? { answer, analysis: parsed.data } : { answer, error: `the analysis does not fit: ${parsed.error.issues[0]?.message ?? "invalid"}` };
}

export function fusionMessages(conversation: ChatMessage[], agent: AgentConfig, answers: string[]): ChatMessage[] {
  return buildAgentMessages({ conversation, agentSystem: agent.system, previousAnswers: answers, synthesisPrompt: FUSION_PROMPT });
}

export function fusionStrategy(): Strategy {
  return {
    plan: (index, ctx) => (index === ctx.config.layers.length - 1 ? { messages: (agent, answers) => fusionMessages(ctx.messages, agent, answers) } : {}),
    finish: (text, ctx) => {
      const layer = ctx.config.layers.length - 1;
      const reply = parseFusionReply(text);
      const inputs = (ctx.inputs[layer] ?? []).map((a) => a.ref);
      const count = reply.analysis ? Object.values(reply.analysis).reduce((n, list) => n + list.length, 0) : 0;
      ctx.step({
        layer,
        step: "analysis",
        note: reply.analysis ? `The aggregator's analysis: ${count} findings across ${inputs.length} answers.` : `No analysis could be read (${reply.error}).`,
        inputs,
        ...(reply.analysis && { analysis: reply.analysis }),
      });
      return reply.answer || text;
    },
  };
}
