import type { LanguageModel } from "ai";
import { untilAborted } from "./abortable";
import type { AgentConfig } from "./config";
import type { ChatMessage } from "./conversation";
import type { FinishReason, RunEventBody, Usage } from "./events";
import { AgentFailure, classifyError, formatDuration, isAutoRetried } from "./failures";
import { LIMITS } from "./limits";
import { openCompletion, type CompletionReader } from "./model-stream";
import { reasoningProviderOptions } from "./reasoning-options";

export interface AgentTiming {
  agentTimeoutMs: number;
  firstTokenTimeoutMs: number;
  stallTimeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
}

export const DEFAULT_TIMING: AgentTiming = {
  agentTimeoutMs: 120_000,
  firstTokenTimeoutMs: 60_000,
  stallTimeoutMs: 30_000,
  maxRetries: 2,
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 20_000,
};

export type AgentOutcome =
  | {
      status: "finished";
      text: string;
      usage: Usage;
      ttftMs: number;
      durationMs: number;
      /** `length`: the token limit cut the answer. */
      finishReason: FinishReason;
      maxOutputTokens: number;
      /** What the model streamed as reasoning; empty for plain models. */
      reasoning: string;
    }
  | { status: "failed"; failure: AgentFailure; partialText: string }
  /** Stopped from outside (policy skip or run cancel); the caller knows why. */
  | { status: "aborted"; partialText: string };

export interface AgentRunInput {
  layer: number;
  agent: number;
  config: AgentConfig;
  messages: ChatMessage[];
  resolveModel: (modelId: string) => LanguageModel;
  /** The agent's own signal: aborting it must stop the upstream request. */
  signal: AbortSignal;
  emit: (body: RunEventBody) => void;
  now: () => number;
  timing: AgentTiming;
  random?: () => number;
  /** Set when the same model is sampled several times in a layer, so the samples differ. */
  seed?: number;
}

export interface AgentHandle {
  outcome: Promise<AgentOutcome>;
  /** Text streamed so far in the current attempt. */
  partialText(): string;
}

class AttemptAborted extends Error {}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function backoffMs(retry: number, timing: AgentTiming, random: () => number): number {
  const exponential = timing.retryBaseDelayMs * 2 ** retry;
  // Jitter spreads retries of parallel agents hitting the same provider.
  return Math.min(timing.maxRetryDelayMs, Math.round(exponential * (0.75 + random() * 0.5)));
}

export function startAgent(input: AgentRunInput): AgentHandle {
  let text = "";
  let reasoning = "";
  let firstTokenAt: number | undefined;
  const startedAt = input.now();
  const modelId = input.config.model;
  const maxOutputTokens = input.config.maxTokens ?? LIMITS.defaultMaxTokens;

  async function attempt(model: LanguageModel): Promise<{ usage: Usage; finishReason: FinishReason }> {
    const { timing, signal } = input;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal.reason);
    signal.addEventListener("abort", forwardAbort, { once: true });
    let timeout: AgentFailure | undefined;
    const failAfter = (ms: number, message: string) =>
      setTimeout(() => {
        timeout = new AgentFailure("timeout", message, { retryable: true });
        controller.abort(timeout);
      }, ms);
    const totalTimer = failAfter(timing.agentTimeoutMs, `${modelId} timed out after ${formatDuration(timing.agentTimeoutMs)}`);
    let chunkTimer = failAfter(
      timing.firstTokenTimeoutMs,
      `${modelId} timed out after ${formatDuration(timing.firstTokenTimeoutMs)} waiting for the first token`,
    );
    let stalling = false;
    // The stall timer is not re-armed per chunk (a timer-list update per token, thousands a second
    // under load): chunks stamp the time, and the timer, when it fires, waits out what is left.
    let lastChunkAt = 0;
    const stallMessage = `${modelId} stalled: nothing for ${formatDuration(timing.stallTimeoutMs)} mid-answer`;
    const watchStall = (): ReturnType<typeof setTimeout> =>
      setTimeout(() => {
        const left = timing.stallTimeoutMs - (performance.now() - lastChunkAt);
        if (left > 0) chunkTimer = watchStall();
        else {
          timeout = new AgentFailure("timeout", stallMessage, { retryable: true });
          controller.abort(timeout);
        }
      }, Math.max(1, timing.stallTimeoutMs - (performance.now() - lastChunkAt)));

    const system = input.messages[0]?.role === "system" ? input.messages[0].content : undefined;
    const turns = input.messages.filter((m) => m.role !== "system") as Array<{ role: "user" | "assistant"; content: string }>;
    let reader: CompletionReader | undefined;
    // One abort listener per attempt, not a race per token: cancelling the reader ends a pending
    // read at once, which keeps us responsive even when a model ignores its abort signal.
    const stopReading = () => reader?.cancel(controller.signal.reason);
    controller.signal.addEventListener("abort", stopReading, { once: true });
    let usage: Usage = { inputTokens: 0, outputTokens: 0 };
    // A stream that ends without a finish part did not say why; that is not a token-limit cut.
    let finishReason: FinishReason = "other";
    try {
      const opening = openCompletion(model, {
        system,
        turns,
        abortSignal: controller.signal,
        temperature: input.config.temperature,
        seed: input.seed,
        maxOutputTokens,
        providerOptions: reasoningProviderOptions(model, input.config.reasoningEffort),
      });
      // A request that hangs before its stream opens is left behind on abort (and closed if it ever opens).
      const opened = await untilAborted(opening, controller.signal);
      if (!opened) {
        void opening.then((late) => late.cancel(), () => {});
        throw new AttemptAborted();
      }
      reader = opened;
      if (controller.signal.aborted) reader.cancel(controller.signal.reason);
      while (true) {
        const next = await reader.read();
        if (next.done || controller.signal.aborted) break;
        const part = reader.part(next.value);
        if (part === "end") break;
        if (part === undefined) continue;
        if (part.type === "text-delta" && part.text !== "" && text === "") firstTokenAt ??= input.now();
        // Before the first token the first-token timer runs; after it, any chunk restarts the stall wait.
        // A reasoning model may think for a minute before it answers: its thoughts count as tokens.
        if (stalling) lastChunkAt = performance.now();
        else if ((part.type === "text-delta" || part.type === "reasoning-delta") && part.text !== "") {
          clearTimeout(chunkTimer);
          lastChunkAt = performance.now();
          chunkTimer = watchStall();
          stalling = true;
        }
        if (part.type === "text-delta") {
          if (part.text === "") continue;
          text += part.text;
          input.emit({ type: "agent-delta", layer: input.layer, agent: input.agent, text: part.text });
        } else if (part.type === "reasoning-delta") {
          if (part.text === "") continue;
          reasoning += part.text;
          input.emit({ type: "agent-reasoning-delta", layer: input.layer, agent: input.agent, text: part.text });
        } else if (part.type === "error") {
          throw classifyError(part.error, modelId);
        } else if (part.type === "finish") {
          usage = part.usage;
          finishReason = part.finishReason;
        }
      }
    } catch (error) {
      if (!controller.signal.aborted && !(error instanceof AttemptAborted)) throw classifyError(error, modelId);
    } finally {
      clearTimeout(totalTimer);
      clearTimeout(chunkTimer);
      signal.removeEventListener("abort", forwardAbort);
      controller.signal.removeEventListener("abort", stopReading);
      // Not awaited: a stream stuck in a pending read would hold us here.
      reader?.cancel();
    }
    if (timeout) throw timeout;
    if (controller.signal.aborted) throw new AttemptAborted();
    if (text.trim() === "") throw new AgentFailure("empty", `${modelId} returned an empty answer`);
    return { usage, finishReason };
  }

  async function run(): Promise<AgentOutcome> {
    const { timing, signal } = input;
    const random = input.random ?? Math.random;
    let model: LanguageModel;
    try {
      model = input.resolveModel(modelId);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : `unknown model ${modelId}`;
      return { status: "failed", failure: new AgentFailure("unknown_model", message, { cause: error }), partialText: "" };
    }

    for (let retry = 0; ; retry++) {
      if (signal.aborted) return { status: "aborted", partialText: text };
      text = "";
      reasoning = "";
      try {
        const { usage, finishReason } = await attempt(model);
        const end = input.now();
        return {
          status: "finished",
          text,
          usage,
          finishReason,
          maxOutputTokens,
          reasoning,
          ttftMs: Math.max(0, Math.round((firstTokenAt ?? end) - startedAt)),
          durationMs: Math.max(0, Math.round(end - startedAt)),
        };
      } catch (error) {
        if (error instanceof AttemptAborted || signal.aborted) return { status: "aborted", partialText: text };
        const failure = classifyError(error, modelId);
        const canRetry = text === "" && isAutoRetried(failure) && retry < timing.maxRetries;
        if (!canRetry) {
          const attempts = retry > 0 && isAutoRetried(failure) ? ` after ${retry + 1} attempts` : "";
          return { status: "failed", failure: withSuffix(failure, attempts), partialText: text };
        }
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > timing.maxRetryDelayMs) {
          const tooLong = withSuffix(failure, `; try again in ${formatDuration(Math.ceil(failure.retryAfterMs / 1000) * 1000)}`);
          return { status: "failed", failure: tooLong, partialText: text };
        }
        const delayMs = Math.round(failure.retryAfterMs ?? backoffMs(retry, timing, random));
        input.emit({ type: "agent-retry", layer: input.layer, agent: input.agent, attempt: retry + 1, delayMs, message: failure.message });
        if (!(await sleep(delayMs, signal))) return { status: "aborted", partialText: text };
      }
    }
  }

  return { outcome: run(), partialText: () => text };
}

function withSuffix(failure: AgentFailure, suffix: string): AgentFailure {
  if (!suffix) return failure;
  return new AgentFailure(failure.kind, failure.message + suffix, {
    retryable: failure.retryable,
    retryAfterMs: failure.retryAfterMs,
    cause: failure.cause,
  });
}
