import "server-only";
import type { Usage } from "@/lib/moa/events";

/** What every chunk and completion of one call repeats. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** As OpenAI reports it for reasoning models: the part of `completion_tokens` spent reasoning. */
  completion_tokens_details?: { reasoning_tokens: number };
}

/**
 * Extension carried by chunks with `choices: []`, so plain clients skip them: the progress
 * of agents other than the final aggregator (only when the request set `moa_intermediate`).
 */
export interface MoAProgress {
  type: "agent-started" | "agent-delta" | "agent-reasoning-delta" | "agent-finished" | "agent-failed" | "agent-skipped";
  layer: number;
  agent: number;
  model: string;
  delta?: string;
  usage?: OpenAIUsage;
  error?: string;
}

export function completionMeta(runId: string, model: string, now = Date.now()): CompletionMeta {
  return { id: `chatcmpl-${runId}`, created: Math.floor(now / 1000), model };
}

export function toOpenAIUsage(usage: Usage): OpenAIUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    ...(usage.reasoningTokens ? { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } } : {}),
  };
}

function chunk(meta: CompletionMeta, choices: unknown[], extra: Record<string, unknown> = {}) {
  return { id: meta.id, object: "chat.completion.chunk", created: meta.created, model: meta.model, choices, ...extra };
}

export function roleChunk(meta: CompletionMeta) {
  return chunk(meta, [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }]);
}

/** The final aggregator's reasoning, in the `reasoning_content` field DeepSeek-style clients read. */
export function reasoningChunk(meta: CompletionMeta, text: string) {
  return chunk(meta, [{ index: 0, delta: { reasoning_content: text }, logprobs: null, finish_reason: null }]);
}

export function contentChunk(meta: CompletionMeta, text: string) {
  return chunk(meta, [{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]);
}

/** `length` when the final aggregator hit its output token limit, as OpenAI reports a cut answer. */
export type OpenAIFinishReason = "stop" | "length";

export function finishChunk(meta: CompletionMeta, finishReason: OpenAIFinishReason = "stop") {
  return chunk(meta, [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }]);
}

/** Sent last when `stream_options.include_usage` is set, as OpenAI does. */
export function usageChunk(meta: CompletionMeta, usage: Usage) {
  return chunk(meta, [], { usage: toOpenAIUsage(usage) });
}

export function progressChunk(meta: CompletionMeta, progress: MoAProgress) {
  return chunk(meta, [], { moa: progress });
}

/** The non-streaming answer. `usage` counts every agent of the run, not only the final one. */
export function completion(meta: CompletionMeta, text: string, usage: Usage, runId: string, finishReason: OpenAIFinishReason = "stop") {
  return {
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage: toOpenAIUsage(usage),
    moa: { run_id: runId },
  };
}
