import {
  APICallError,
  type LanguageModelV3,
  type LanguageModelV3CallOptions,
  type LanguageModelV3GenerateResult,
  type LanguageModelV3StreamPart,
  type LanguageModelV3StreamResult,
  type LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { composeAnswer } from "./compose";
import { SIM_JUDGE_DEFAULTS } from "./judge-score";
import { simProfile, type SimProfile } from "./profiles";
import { readPrompt } from "./prompt";
import { createPacer, type PacedStream } from "./pacer";
import { createRng } from "./rng";
import { parseSimId, simSpeed, type SimOverrides } from "./sim-id";
import { simThoughts } from "./thoughts";
import { countTokens, tokenize } from "./words";

interface Plan {
  /** Reasoning tokens, streamed before the answer (thinking models only). */
  thoughts: string[];
  chunks: string[];
  ttftMs: number;
  msPerToken: number;
  usage: LanguageModelV3Usage;
  finish: "stop" | "length";
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted.", "AbortError");
}

function usageOf(input: number, output: number, reasoning = 0): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output + reasoning, text: output, reasoning: reasoning > 0 ? reasoning : undefined },
  };
}

const EFFORTS = ["low", "medium", "high"] as const;

/** The effort the engine asked for under `providerOptions.sim` (see lib/moa/reasoning-options.ts). */
function effortOf(options: LanguageModelV3CallOptions): (typeof EFFORTS)[number] {
  const asked = options.providerOptions?.sim?.reasoningEffort;
  return EFFORTS.find((e) => e === asked) ?? "medium";
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Every sim stream of the process is paced by one timer (see pacer.ts). */
const pacer = createPacer();

/**
 * An in-process model: deterministic text (seeded by model, prompt, temperature and seed),
 * streamed at the profile's pace. No key, no network; abort stops it at once.
 */
export class SimLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = "sim";
  readonly modelId: string;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly profile: SimProfile;
  private readonly overrides: SimOverrides;
  private readonly speed: number;

  constructor(modelId: string, options: { env?: Record<string, string | undefined> } = {}) {
    const parsed = parseSimId(modelId);
    this.modelId = modelId;
    this.profile = simProfile(parsed.name);
    this.overrides = parsed.overrides;
    this.speed = simSpeed(options.env);
  }

  private plan(options: LanguageModelV3CallOptions): Plan {
    // A trailing assistant message is a prefix to continue (early aggregation): answer as if
    // it were not there, then skip as many words as the prefix already has.
    const last = options.prompt.at(-1);
    const prefix = last?.role === "assistant" ? last.content.map((part) => (part.type === "text" ? part.text : "")).join("") : "";
    const prompt = readPrompt(prefix ? options.prompt.slice(0, -1) : options.prompt);
    const seed = `${this.profile.name}|${options.temperature ?? "-"}|${options.seed ?? "-"}|${prompt.all}`;
    const text = composeAnswer({
      profile: this.profile,
      prompt,
      rng: createRng(seed),
      skill: { ...this.profile.skill, ...this.overrides.skill },
      judge: { ...SIM_JUDGE_DEFAULTS, ...this.overrides.judge },
      sampling: { temperature: options.temperature, seed: options.seed },
      tokens: this.overrides.tokens,
    });
    let chunks = tokenize(text).slice(countTokens(prefix));
    let finish: Plan["finish"] = "stop";
    if (options.maxOutputTokens !== undefined && chunks.length > options.maxOutputTokens) {
      chunks = chunks.slice(0, options.maxOutputTokens);
      finish = "length";
    }
    const tps = this.overrides.tokensPerSecond ?? this.profile.tokensPerSecond;
    // A continuation pass (early aggregation) has already thought: it only goes on writing.
    const thinks = this.overrides.thinks ?? this.profile.thinks;
    const thoughts = thinks && !prefix ? tokenize(simThoughts(prompt, text, effortOf(options), createRng(`thoughts|${seed}`))) : [];
    return {
      thoughts,
      chunks,
      finish,
      ttftMs: (this.overrides.ttftMs ?? this.profile.ttftMs) / this.speed,
      msPerToken: 1000 / (tps * this.speed),
      usage: usageOf(countTokens(prompt.all), chunks.length, thoughts.length),
    };
  }

  private async failIfBroken(options: LanguageModelV3CallOptions, ttftMs: number): Promise<void> {
    if (this.profile.style !== "broken") return;
    await sleep(ttftMs, options.abortSignal);
    throw new APICallError({
      message: "Internal Server Error (simulated)",
      url: `sim://${this.profile.name}/chat/completions`,
      requestBodyValues: {},
      statusCode: 500,
      responseBody: '{"error":{"message":"simulated upstream failure","type":"server_error"}}',
      // Not retryable so a failing slot fails fast instead of waiting out retries.
      isRetryable: false,
    });
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const plan = this.plan(options);
    await this.failIfBroken(options, plan.ttftMs);
    await sleep(plan.ttftMs + (plan.thoughts.length + plan.chunks.length) * plan.msPerToken, options.abortSignal);
    return {
      content: [
        ...(plan.thoughts.length > 0 ? [{ type: "reasoning" as const, text: plan.thoughts.join("") }] : []),
        { type: "text", text: plan.chunks.join("") },
      ],
      finishReason: { unified: plan.finish, raw: plan.finish },
      usage: plan.usage,
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const plan = this.plan(options);
    await this.failIfBroken(options, plan.ttftMs);
    const signal = options.abortSignal;
    if (signal?.aborted) throw abortError(signal);

    let done = false;
    let onAbort: (() => void) | undefined;
    let paced: PacedStream | undefined;
    const stop = () => {
      done = true;
      if (paced) pacer.remove(paced);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    };

    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start: (controller) => {
        const started = performance.now();
        // One timeline: the reasoning tokens first, then the answer's.
        const tokens = [...plan.thoughts, ...plan.chunks];
        const thinking = plan.thoughts.length;
        const dueAt = (index: number) => started + plan.ttftMs + index * plan.msPerToken;
        let sent = 0;
        let textStarted = false;
        let reasoningOpen = false;
        controller.enqueue({ type: "stream-start", warnings: [] });
        onAbort = () => {
          if (done) return;
          stop();
          controller.error(abortError(signal!));
        };
        signal?.addEventListener("abort", onAbort, { once: true });

        // Every token that is due goes out at once, so a late tick or a high speed batches tokens.
        const advance = (now: number) => {
          if (done) return;
          let thought = "";
          let delta = "";
          while (sent < tokens.length && dueAt(sent) <= now) {
            if (sent < thinking) thought += tokens[sent];
            else delta += tokens[sent];
            sent += 1;
          }
          if (thought) {
            if (!reasoningOpen) controller.enqueue({ type: "reasoning-start", id: "r0" });
            reasoningOpen = true;
            controller.enqueue({ type: "reasoning-delta", id: "r0", delta: thought });
          }
          if (reasoningOpen && sent > thinking) {
            controller.enqueue({ type: "reasoning-end", id: "r0" });
            reasoningOpen = false;
          }
          if (delta) {
            if (!textStarted) controller.enqueue({ type: "text-start", id: "0" });
            textStarted = true;
            controller.enqueue({ type: "text-delta", id: "0", delta });
          }
          if (sent >= tokens.length) {
            if (reasoningOpen) controller.enqueue({ type: "reasoning-end", id: "r0" });
            if (textStarted) controller.enqueue({ type: "text-end", id: "0" });
            controller.enqueue({ type: "finish", usage: plan.usage, finishReason: { unified: plan.finish, raw: plan.finish } });
            stop();
            controller.close();
          }
        };
        // An empty answer (a continuation with nothing left) finishes at its time to first token.
        paced = { nextDue: () => (done ? Infinity : dueAt(sent)), advance };
        pacer.add(paced);
      },
      cancel: () => stop(),
    });
    return { stream };
  }
}
