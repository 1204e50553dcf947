import { createParser } from "eventsource-parser";
import { runEventSchema, type RunEvent } from "@/lib/moa/events";

export interface SseRead {
  status: number;
  events: RunEvent[];
  ids: string[];
}

/** Reads a run's SSE stream to its end (or until `stopAfter` events), validating every event. */
export async function readRunEvents(
  url: string,
  options: { lastEventId?: string; stopAfter?: number; signal?: AbortSignal } = {},
): Promise<SseRead> {
  const controller = new AbortController();
  options.signal?.addEventListener("abort", () => controller.abort());
  const response = await fetch(url, {
    headers: options.lastEventId ? { "Last-Event-ID": options.lastEventId } : {},
    signal: controller.signal,
  });
  const events: RunEvent[] = [];
  const ids: string[] = [];
  if (!response.ok || !response.body) return { status: response.status, events, ids };
  const parser = createParser({
    onEvent(message) {
      ids.push(message.id ?? "");
      events.push(runEventSchema.parse(JSON.parse(message.data)));
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      if (options.stopAfter !== undefined && events.length >= options.stopAfter) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: response.status, events, ids };
}
