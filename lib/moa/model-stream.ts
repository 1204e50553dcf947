import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3StreamPart, SharedV3ProviderOptions } from "@ai-sdk/provider";
import { streamText, type LanguageModel } from "ai";
import type { FinishReason, Usage } from "./events";

export type TextStreamPart =
  | { type: "text-delta"; text: string }
  | { type: "reasoning-delta"; text: string }
  | { type: "error"; error: unknown }
  | { type: "finish"; usage: Usage; finishReason: FinishReason };

export interface TextStreamRequest {
  system?: string;
  turns: Array<{ role: "user" | "assistant"; content: string }>;
  abortSignal: AbortSignal;
  temperature?: number;
  seed?: number;
  maxOutputTokens: number;
  /** Provider-specific settings, e.g. the reasoning effort (see reasoning-options.ts). */
  providerOptions?: SharedV3ProviderOptions;
}

function isV3(model: LanguageModel): model is LanguageModelV3 {
  return typeof model === "object" && model !== null && model.specificationVersion === "v3";
}

const KNOWN_REASONS: ReadonlySet<string> = new Set(["stop", "length", "content-filter", "tool-calls", "error", "other"]);

/** Providers and SDK versions disagree at the edges (`unknown`, raw strings); anything else is `other`. */
function unifiedReason(reason: unknown): FinishReason {
  const value = typeof reason === "object" && reason !== null && "unified" in reason ? (reason as { unified: unknown }).unified : reason;
  return typeof value === "string" && KNOWN_REASONS.has(value) ? (value as FinishReason) : "other";
}

function usageOf(input: number | undefined, output: number | undefined, reasoning: number | undefined): Usage {
  // Reasoning is reported only when there was some, so plain models keep their usage unchanged.
  return { inputTokens: input ?? 0, outputTokens: output ?? 0, ...(reasoning ? { reasoningTokens: reasoning } : {}) };
}

function promptOf(request: TextStreamRequest): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = request.system ? [{ role: "system", content: request.system }] : [];
  for (const turn of request.turns) prompt.push({ role: turn.role, content: [{ type: "text", text: turn.content }] });
  return prompt;
}

async function* direct(model: LanguageModelV3, request: TextStreamRequest): AsyncGenerator<TextStreamPart> {
  const { stream } = await model.doStream({
    prompt: promptOf(request),
    abortSignal: request.abortSignal,
    temperature: request.temperature,
    seed: request.seed,
    maxOutputTokens: request.maxOutputTokens,
    providerOptions: request.providerOptions,
  });
  const reader = stream.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      const part = value as LanguageModelV3StreamPart;
      if (part.type === "text-delta") yield { type: "text-delta", text: part.delta };
      else if (part.type === "reasoning-delta") yield { type: "reasoning-delta", text: part.delta };
      else if (part.type === "error") yield { type: "error", error: part.error };
      else if (part.type === "finish") {
        const usage = usageOf(part.usage.inputTokens.total, part.usage.outputTokens.total, part.usage.outputTokens.reasoning);
        yield { type: "finish", usage, finishReason: unifiedReason(part.finishReason) };
      }
    }
  } finally {
    // Cancelling the reader closes the upstream request when we stop early.
    reader.cancel().catch(() => {});
  }
}

async function* viaSdk(model: LanguageModel, request: TextStreamRequest): AsyncGenerator<TextStreamPart> {
  const result = streamText({
    model,
    system: request.system,
    messages: request.turns,
    maxRetries: 0,
    abortSignal: request.abortSignal,
    temperature: request.temperature,
    seed: request.seed,
    maxOutputTokens: request.maxOutputTokens,
    providerOptions: request.providerOptions,
    // We report failures as events; the default handler would log request details.
    onError: () => {},
  });
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") yield { type: "text-delta", text: part.text };
    else if (part.type === "reasoning-delta") yield { type: "reasoning-delta", text: part.text };
    else if (part.type === "error") yield { type: "error", error: part.error };
    else if (part.type === "abort") return;
    else if (part.type === "finish") {
      const { inputTokens, outputTokens, outputTokenDetails } = part.totalUsage;
      const usage = usageOf(inputTokens, outputTokens, outputTokenDetails?.reasoningTokens);
      yield { type: "finish", usage, finishReason: unifiedReason(part.finishReason) };
    }
  }
}

/**
 * One text-only completion as a stream of the few parts the engine uses. A V3 model is read
 * directly: `streamText`'s chain of web-stream transforms costs ~4× the CPU per token, which
 * is what limits how many concurrent runs one process can carry. Anything else goes through
 * `streamText`, which adapts other model versions.
 */
export function streamCompletion(model: LanguageModel, request: TextStreamRequest): AsyncIterator<TextStreamPart> {
  return (isV3(model) ? direct(model, request) : viaSdk(model, request))[Symbol.asyncIterator]();
}
