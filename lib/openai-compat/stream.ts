import "server-only";
import type { RunEvent } from "@/lib/moa/events";
import { answerIsFinalAgentText } from "@/lib/moa/methods/schema";
import { sseStream } from "@/lib/runs/sse";
import { contentChunk, finishChunk, progressChunk, reasoningChunk, roleChunk, toOpenAIUsage, usageChunk, type CompletionMeta, type MoAProgress } from "./chunks";
import { toOpenAIErrorBody } from "./errors";
import { createFinishTracker, failureOf } from "./run-outcome";

export interface ChunkStreamOptions {
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
export function createChunkMapper(meta: CompletionMeta, options: ChunkStreamOptions) {
  let finalLayer = Number.POSITIVE_INFINITY;
  // Ranker, USC, Fusion: the final agent's stream is a pick or an analysis, the answer comes at the end.
  let answerAtEnd = false;
  const models = new Map<string, string>();
  const progress = (p: MoAProgress) => (options.intermediate ? [data(progressChunk(meta, p))] : []);
  const finish = createFinishTracker();

  return (event: RunEvent): { frames: string[]; done: boolean } => {
    finish.observe(event);
    switch (event.type) {
      case "run-started":
        finalLayer = event.config.layers.length - 1;
        answerAtEnd = !answerIsFinalAgentText(event.config.method);
        return { frames: [], done: false };
      case "agent-started":
        models.set(`${event.layer}/${event.agent}`, event.model);
        if (event.layer === finalLayer) return { frames: [], done: false };
        return { frames: progress({ type: event.type, layer: event.layer, agent: event.agent, model: event.model }), done: false };
      case "agent-delta": {
        if (event.layer === finalLayer && !answerAtEnd) return { frames: [data(contentChunk(meta, event.text))], done: false };
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
        const frames = answerAtEnd && event.text ? [data(contentChunk(meta, event.text))] : [];
        frames.push(data(finishChunk(meta, finish.reason())));
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
export function chunkStream(events: AsyncIterable<RunEvent>, meta: CompletionMeta, options: ChunkStreamOptions): ReadableStream<Uint8Array> {
  const map = createChunkMapper(meta, options);
  return sseStream(
    events,
    (event) => {
      const { frames, done } = map(event);
      return { bytes: frames.join(""), end: done };
    },
    { preamble: data(roleChunk(meta)) },
  );
}
