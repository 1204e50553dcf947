import type { RunEvent } from "@/lib/moa/events";
import { contentChunk, finishChunk, progressChunk, reasoningChunk, roleChunk, toOpenAIUsage, usageChunk, type CompletionMeta, type MoAProgress } from "./chunks";
import { toOpenAIErrorBody } from "./errors";
import { createFinishTracker, failureOf } from "./run-outcome";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

export interface StreamOptions {
  includeUsage: boolean;
  /** Also send the other agents' progress as `choices: []` chunks with a `moa` field. */
  intermediate: boolean;
}

function data(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/**
 * Maps run events to what one chunk stream shows. Only the last layer's single agent writes
 * the answer's content; the earlier layers are invisible unless `intermediate` is set.
 */
export function createChunkMapper(meta: CompletionMeta, options: StreamOptions) {
  let finalLayer = Number.POSITIVE_INFINITY;
  const models = new Map<string, string>();
  const progress = (p: MoAProgress) => (options.intermediate ? [data(progressChunk(meta, p))] : []);
  const finish = createFinishTracker();

  return (event: RunEvent): { frames: string[]; done: boolean } => {
    finish.observe(event);
    switch (event.type) {
      case "run-started":
        finalLayer = event.config.layers.length - 1;
        return { frames: [], done: false };
      case "agent-started":
        models.set(`${event.layer}/${event.agent}`, event.model);
        if (event.layer === finalLayer) return { frames: [], done: false };
        return { frames: progress({ type: event.type, layer: event.layer, agent: event.agent, model: event.model }), done: false };
      case "agent-delta": {
        if (event.layer === finalLayer) return { frames: [data(contentChunk(meta, event.text))], done: false };
        const model = models.get(`${event.layer}/${event.agent}`) ?? "";
        return { frames: progress({ type: event.type, layer: event.layer, agent: event.agent, model, delta: event.text }), done: false };
      }
      case "agent-reasoning-delta": {
        if (event.layer === finalLayer) return { frames: [data(reasoningChunk(meta, event.text))], done: false };
        const model = models.get(`${event.layer}/${event.agent}`) ?? "";
        return { frames: progress({ type: event.type, layer: event.layer, agent: event.agent, model, delta: event.text }), done: false };
      }
      case "agent-finished":
      case "agent-failed":
      case "agent-skipped": {
        if (event.layer === finalLayer) return { frames: [], done: false };
        const model = models.get(`${event.layer}/${event.agent}`) ?? "";
        const base = { type: event.type, layer: event.layer, agent: event.agent, model };
        const detail =
          event.type === "agent-finished" ? { usage: toOpenAIUsage(event.usage) } : { error: event.type === "agent-failed" ? event.message : event.reason };
        return { frames: progress({ ...base, ...detail }), done: false };
      }
      case "run-finished": {
        const frames = [data(finishChunk(meta, finish.reason()))];
        if (options.includeUsage) frames.push(data(usageChunk(meta, event.usage)));
        frames.push("data: [DONE]\n\n");
        return { frames, done: true };
      }
      case "run-failed":
      case "run-cancelled":
      case "run-interrupted":
        // OpenAI clients raise an APIError when a stream carries an `error` object.
        return { frames: [data(toOpenAIErrorBody(failureOf(event)))], done: true };
      default:
        return { frames: [], done: false };
    }
  };
}

/**
 * The run as a `chat.completion.chunk` SSE stream. A client that disconnects only stops its
 * own stream: the run goes on and stays readable at its share link.
 */
export function chunkStream(events: AsyncIterable<RunEvent>, meta: CompletionMeta, options: StreamOptions): ReadableStream<Uint8Array> {
  const iterator = events[Symbol.asyncIterator]();
  const map = createChunkMapper(meta, options);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(heartbeat);

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(data(roleChunk(meta))));
      // Proposer layers can take minutes before the first content token; comments keep proxies patient.
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), HEARTBEAT_MS);
    },
    async pull(controller) {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) {
          stop();
          controller.close();
          return;
        }
        const { frames, done: finished } = map(value);
        if (frames.length) controller.enqueue(encoder.encode(frames.join("")));
        if (finished) {
          stop();
          controller.close();
          await iterator.return?.(undefined);
          return;
        }
        if (frames.length) return;
      }
    },
    cancel() {
      stop();
      // Not awaited: a generator parked on its next event would only finish after that event.
      void Promise.resolve(iterator.return?.(undefined)).catch(() => {});
    },
  });
}
