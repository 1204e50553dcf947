import "server-only";
import type { LanguageModelV3CallOptions, LanguageModelV3FinishReason, LanguageModelV3Usage } from "@ai-sdk/provider";
import type { LlamaChatResponse } from "node-llama-cpp";
import type { LoadedLocalModel } from "./llama-runtime";
import type { LocalPrompt } from "./local-prompt";

/** llama.cpp's own default; used when a request sets no temperature. */
export const DEFAULT_TEMPERATURE = 0.8;
/** Without a cap a local model could fill its whole context (and shift it) on a CPU. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

export interface GenerationResult {
  text: string;
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
}

export function usageOf(input: number, output: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

function finishReasonOf(stopReason: LlamaChatResponse["metadata"]["stopReason"]): LanguageModelV3FinishReason {
  switch (stopReason) {
    case "maxTokens":
      return { unified: "length", raw: stopReason };
    case "functionCalls":
      return { unified: "tool-calls", raw: stopReason };
    case "abort":
      return { unified: "other", raw: stopReason };
    default:
      return { unified: "stop", raw: stopReason };
  }
}

function repeatPenaltyOf(options: LanguageModelV3CallOptions) {
  if (options.presencePenalty === undefined && options.frequencyPenalty === undefined) return undefined;
  return { presencePenalty: options.presencePenalty, frequencyPenalty: options.frequencyPenalty };
}

/**
 * Generates one answer on a free sequence of the loaded model, waiting in line when all are
 * busy. The sequence goes back to the pool however the generation ends, so an aborted agent
 * never holds a slot another one is waiting for.
 */
export async function generateLocally(
  loaded: LoadedLocalModel,
  prompt: LocalPrompt,
  options: LanguageModelV3CallOptions,
  signal: AbortSignal | undefined,
  onDelta: (text: string) => void,
): Promise<GenerationResult> {
  const { LlamaChat } = await import("node-llama-cpp");
  const sequence = await loaded.pool.acquire(signal);
  const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
  let text = "";
  let outputTokens = 0;
  let clean = false;
  try {
    const response = await chat.generateResponse(prompt.history, {
      signal,
      maxTokens: options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
      temperature: options.temperature ?? DEFAULT_TEMPERATURE,
      topP: options.topP,
      topK: options.topK,
      seed: options.seed,
      customStopTriggers: options.stopSequences?.length ? options.stopSequences : undefined,
      repeatPenalty: repeatPenaltyOf(options),
      onToken: (tokens) => {
        outputTokens += tokens.length;
      },
      onTextChunk: (chunk) => {
        if (!chunk) return;
        text += chunk;
        onDelta(chunk);
      },
    });
    // The sequence holds exactly the templated prompt plus what was generated: prompt
    // tokens as the model saw them, template included.
    const inputTokens = Math.max(0, sequence.contextTokens.length - outputTokens);
    clean = true;
    return { text, finishReason: finishReasonOf(response.metadata.stopReason), usage: usageOf(inputTokens, outputTokens) };
  } finally {
    chat.dispose({ disposeSequence: false });
    // After an abort or error the cached tokens may be half-written: start the next user afresh.
    if (!clean) await sequence.clearHistory().catch(() => undefined);
    loaded.pool.release(sequence);
  }
}
