import "server-only";
import type { RunEvent } from "@/lib/moa/events";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

export function encodeSseEvent(event: RunEvent): string {
  return `id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Every viewer of a live run is handed the same event objects, so each is serialized once
 * however many streams carry it (a 16-agent run emits thousands of events a second).
 */
const encodedEvents = new WeakMap<RunEvent, Uint8Array>();

function encodedSseEvent(event: RunEvent): Uint8Array {
  let bytes = encodedEvents.get(event);
  if (!bytes) {
    bytes = encoder.encode(encodeSseEvent(event));
    encodedEvents.set(event, bytes);
  }
  return bytes;
}

/** `Last-Event-ID` (a reconnecting EventSource) or `?after=` (a fresh fetch); -1 means from the start. */
export function resumePoint(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  const seq = raw === null ? NaN : Number(raw);
  return Number.isInteger(seq) && seq >= -1 ? seq : -1;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps Next's gzip from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/** What one item of the source becomes on the wire; `end` closes the stream after it. */
export interface SseFrames {
  bytes: Uint8Array | string;
  end?: boolean;
}

/**
 * The one Server-Sent Events writer: `preamble` first, then each item of `source` as the frames
 * `frame` makes of it (an empty string sends nothing and reads on), until the source ends, a frame
 * says so, or `signal` aborts. A comment line every 15 s keeps proxies from closing a stream that
 * waits (proposer layers can take minutes before the next event).
 */
export function sseStream<T>(
  source: AsyncIterable<T>,
  frame: (item: T) => SseFrames,
  options: { preamble: string; signal?: AbortSignal },
): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearInterval(heartbeat);
    controller.close();
  };
  // Not awaited: a generator parked on its next event would only finish after that event.
  const release = () => void Promise.resolve(iterator.return?.(undefined)).catch(() => {});
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(options.preamble));
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), HEARTBEAT_MS);
    },
    async pull(controller) {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done || options.signal?.aborted) return stop(controller);
        const { bytes, end } = frame(value);
        if (bytes.length > 0) controller.enqueue(typeof bytes === "string" ? encoder.encode(bytes) : bytes);
        if (end) {
          stop(controller);
          return release();
        }
        if (bytes.length > 0) return;
      }
    },
    cancel() {
      clearInterval(heartbeat);
      release();
    },
  });
}

/** A run's events as Server-Sent Events (`id:` = seq), for EventSource and fetch readers alike. */
export function sseResponse(events: AsyncIterable<RunEvent>, signal: AbortSignal): Response {
  const stream = sseStream(events, (event) => ({ bytes: encodedSseEvent(event) }), { preamble: "retry: 1000\n\n", signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
