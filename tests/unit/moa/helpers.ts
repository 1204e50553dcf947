import { APICallError, simulateReadableStream, type LanguageModel } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { runEventSchema, type RunEvent } from "@/lib/moa/events";
import { runMoA, type EngineDeps } from "@/lib/moa/engine";

export const usageV3 = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

export function streamParts(chunks: string[], usage = usageV3(10, chunks.length)): LanguageModelV3StreamPart[] {
  return [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...chunks.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
  ];
}

/** A model that streams `chunks`, waiting `initialDelayMs` before the first and `chunkDelayMs` between them. */
export function textModel(chunks: string[], opts: { initialDelayMs?: number; chunkDelayMs?: number; usage?: ReturnType<typeof usageV3> } = {}) {
  return new MockLanguageModelV3({
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: streamParts(chunks, opts.usage),
        initialDelayInMs: opts.initialDelayMs ?? null,
        chunkDelayInMs: opts.chunkDelayMs ?? null,
      }),
    }),
  });
}

/**
 * Streams `before`, then goes silent until its request is aborted, as a hung upstream would;
 * the abort errors the stream the way fetch does.
 */
export function hangingModel(before: string[] = []) {
  return new MockLanguageModelV3({
    doStream: async (options) => {
      const parts = streamParts(before).slice(0, 2 + before.length);
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            parts.forEach((p) => controller.enqueue(p));
            options.abortSignal?.addEventListener("abort", () => {
              controller.error(new DOMException("This operation was aborted", "AbortError"));
            });
          },
        }),
      };
    },
  });
}

export function apiError(statusCode: number, opts: { headers?: Record<string, string>; body?: string; message?: string } = {}) {
  return new APICallError({
    message: opts.message ?? `HTTP ${statusCode}`,
    url: "https://api.example.test/v1/chat/completions",
    requestBodyValues: { secret: "sk-should-never-leak-1234567890" },
    statusCode,
    responseHeaders: opts.headers,
    responseBody: opts.body,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });
}

/** A model whose calls play `script` in order: an error is thrown by doStream, a string array is streamed. */
export function scriptedModel(script: Array<Error | string[]>) {
  let call = 0;
  return new MockLanguageModelV3({
    doStream: async () => {
      const step = script[Math.min(call++, script.length - 1)];
      if (step instanceof Error) throw step;
      return { stream: simulateReadableStream({ chunks: streamParts(step), initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  });
}

export function resolverFor(models: Record<string, LanguageModel>): (id: string) => LanguageModel {
  return (id) => {
    const model = models[id];
    if (!model) throw new Error(`no provider is configured for ${id}`);
    return model;
  };
}

export const ask = (content: string): ChatMessage[] => [{ role: "user", content }];

export function layers(...rows: Array<Array<string> | { agents: string[]; policy?: MoAConfig["layers"][number]["policy"] }>): MoAConfig {
  return {
    layers: rows.map((row) =>
      Array.isArray(row) ? { agents: row.map((model) => ({ model })) } : { agents: row.agents.map((model) => ({ model })), policy: row.policy },
    ),
  };
}

export async function collect(iterable: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

export function run(config: MoAConfig, messages: ChatMessage[], deps: Partial<EngineDeps> & Pick<EngineDeps, "resolveModel">) {
  return collect(runMoA(config, messages, { runId: "run-1", retryBaseDelayMs: 1, ...deps }));
}

export const ofType = <T extends RunEvent["type"]>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

/** Protocol invariants every run must keep, whatever happened in it. */
export function expectWellFormed(events: RunEvent[]): void {
  const problems: string[] = [];
  events.forEach((event, i) => {
    if (!runEventSchema.safeParse(event).success) problems.push(`event ${i} (${event.type}) fails the schema`);
    if (event.seq !== i) problems.push(`event ${i} has seq ${event.seq}`);
    if (i > 0 && event.t < events[i - 1].t) problems.push(`t goes backwards at ${i}`);
  });
  const terminal = events.findIndex((e) => ["run-finished", "run-failed", "run-cancelled"].includes(e.type));
  if (terminal !== events.length - 1) problems.push(`terminal event at ${terminal} of ${events.length}`);
  if (events[0]?.type !== "run-started") problems.push("first event is not run-started");
  if (problems.length) throw new Error(problems.join("\n"));
}

/** The prompt a mock received on its nth call, flattened to role + text. */
export function promptOf(model: MockLanguageModelV3, call = 0): Array<{ role: string; content: string }> {
  return model.doStreamCalls[call].prompt.map((m) => ({
    role: m.role,
    content: typeof m.content === "string" ? m.content : m.content.map((p) => ("text" in p ? p.text : "")).join(""),
  }));
}
