import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3StreamPart, SharedV3ProviderOptions } from "@ai-sdk/provider";
import { streamText, type LanguageModel, type TextStreamPart as SdkStreamPart, type ToolSet } from "ai";
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

/** The engine's part of a V3 stream part; undefined for the parts it ignores. */
function fromV3(part: LanguageModelV3StreamPart): TextStreamPart | undefined {
  if (part.type === "text-delta") return { type: "text-delta", text: part.delta };
  if (part.type === "reasoning-delta") return { type: "reasoning-delta", text: part.delta };
  if (part.type === "error") return { type: "error", error: part.error };
  if (part.type === "finish") {
    const usage = usageOf(part.usage.inputTokens.total, part.usage.outputTokens.total, part.usage.outputTokens.reasoning);
    return { type: "finish", usage, finishReason: unifiedReason(part.finishReason) };
  }
  return undefined;
}

/** The engine's part of a `streamText` part; an abort part ends the stream like its end. */
function fromSdk(part: SdkStreamPart<ToolSet>): TextStreamPart | "end" | undefined {
  if (part.type === "text-delta") return { type: "text-delta", text: part.text };
  if (part.type === "reasoning-delta") return { type: "reasoning-delta", text: part.text };
  if (part.type === "error") return { type: "error", error: part.error };
  if (part.type === "abort") return "end";
  if (part.type === "finish") {
    const { inputTokens, outputTokens, outputTokenDetails } = part.totalUsage;
    return { type: "finish", usage: usageOf(inputTokens, outputTokens, outputTokenDetails?.reasoningTokens), finishReason: unifiedReason(part.finishReason) };
  }
  return undefined;
}

/**
 * One completion's stream as the engine reads it: `read()` is the stream reader's own read, with
 * no generator or race around it (a 3×6 run reads ~2,000 of them, and every extra promise per
 * token was measurable CPU under load); `part()` turns what it read into the engine's part;
 * `cancel()` ends a pending read at once, even when the model ignores its abort signal.
 */
export interface CompletionReader {
  read(): Promise<ReadableStreamReadResult<unknown>>;
  part(value: unknown): TextStreamPart | "end" | undefined;
  cancel(reason?: unknown): void;
}

function readerOf<T>(stream: ReadableStream<T>, part: (value: T) => TextStreamPart | "end" | undefined): CompletionReader {
  const reader = stream.getReader();
  return {
    read: () => reader.read(),
    part: (value) => part(value as T),
    // Cancelling closes the upstream request; it also resolves a pending read as done.
    cancel: (reason) => void reader.cancel(reason).catch(() => {}),
  };
}

/**
 * Opens one text-only completion. A V3 model is read directly: `streamText`'s chain of web-stream
 * transforms costs ~4× the CPU per token, which is what limits how many concurrent runs one
 * process can carry. Anything else goes through `streamText`, which adapts other model versions.
 */
export async function openCompletion(model: LanguageModel, request: TextStreamRequest): Promise<CompletionReader> {
  if (isV3(model)) {
    const { stream } = await model.doStream({
      prompt: promptOf(request),
      abortSignal: request.abortSignal,
      temperature: request.temperature,
      seed: request.seed,
      maxOutputTokens: request.maxOutputTokens,
      providerOptions: request.providerOptions,
    });
    return readerOf(stream, fromV3);
  }
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
  return readerOf(result.fullStream, fromSdk);
}
