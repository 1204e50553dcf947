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

/**
 * Streams events as Server-Sent Events. Events that are ready together go out in one
 * chunk; a comment line every 15 s keeps proxies from closing an idle stream.
 */
export function sseResponse(events: AsyncIterable<RunEvent>, signal: AbortSignal): Response {
  const iterator = events[Symbol.asyncIterator]();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("retry: 1000\n\n"));
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(": ping\n\n")), HEARTBEAT_MS);
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done || signal.aborted) {
        clearInterval(heartbeat);
        controller.close();
        return;
      }
      controller.enqueue(encodedSseEvent(value));
    },
    async cancel() {
      clearInterval(heartbeat);
      await iterator.return?.(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps Next's gzip from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
