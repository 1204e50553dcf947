import "server-only";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
} from "@ai-sdk/provider";
import { existsSync } from "node:fs";
import { loadLocalModel, type LoadedLocalModel, type LocalRuntimeOptions } from "./llama-runtime";
import { generateLocally } from "./local-generation";
import { LocalModelNotFoundError, localModelPath } from "./local-models";
import { toLocalPrompt } from "./local-prompt";

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted.", "AbortError");
}

/**
 * A GGUF file in the models folder, run in this process by llama.cpp (node-llama-cpp) with
 * the chat template stored in the file. The weights load on first use and stay loaded.
 */
export class LocalLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = "local";
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly path: string;

  constructor(
    readonly modelId: string,
    private readonly modelsDir: string,
    private readonly runtime: LocalRuntimeOptions = {},
  ) {
    this.path = localModelPath(modelsDir, modelId);
  }

  private async load(): Promise<LoadedLocalModel> {
    if (!existsSync(this.path)) throw new LocalModelNotFoundError(this.modelId, this.modelsDir);
    try {
      return await loadLocalModel(this.path, this.runtime);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`local model "${this.modelId}" could not be loaded from ${this.path}: ${reason}`, { cause: error });
    }
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const prompt = toLocalPrompt(options.prompt);
    if (options.abortSignal?.aborted) throw abortError(options.abortSignal);
    const loaded = await this.load();
    const result = await generateLocally(loaded, prompt, options, options.abortSignal, () => {});
    return {
      content: result.text ? [{ type: "text", text: result.text }] : [],
      finishReason: result.finishReason,
      usage: result.usage,
      warnings: prompt.warnings,
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const prompt = toLocalPrompt(options.prompt);
    if (options.abortSignal?.aborted) throw abortError(options.abortSignal);
    const loaded = await this.load();

    // Cancelling the stream (the reader went away) must stop the CPU work just like an abort.
    const cancel = new AbortController();
    const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, cancel.signal]) : cancel.signal;

    // False once closed, errored or cancelled: enqueueing after that would throw inside llama's callback.
    let open = true;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        let textStarted = false;
        const enqueue = (part: LanguageModelV3StreamPart) => {
          if (open) controller.enqueue(part);
        };
        enqueue({ type: "stream-start", warnings: prompt.warnings });
        generateLocally(loaded, prompt, options, signal, (delta) => {
          if (!textStarted) enqueue({ type: "text-start", id: "0" });
          textStarted = true;
          enqueue({ type: "text-delta", id: "0", delta });
        }).then(
          (result) => {
            if (textStarted) enqueue({ type: "text-end", id: "0" });
            enqueue({ type: "finish", finishReason: result.finishReason, usage: result.usage });
            if (open) controller.close();
            open = false;
          },
          (error: unknown) => {
            if (open) controller.error(signal.aborted ? abortError(signal) : error);
            open = false;
          },
        );
      },
      cancel(reason) {
        open = false;
        cancel.abort(reason);
      },
    });
    return { stream };
  }
}
