import { createParser } from "eventsource-parser";
import { runEventSchema, type RunEvent } from "@/lib/moa/events";

/** Reads an SSE Response to its end: every event (validated), when each arrived, and the raw text. */
export async function readSse(response: Response): Promise<{ events: RunEvent[]; arrivals: number[]; raw: string }> {
  const events: RunEvent[] = [];
  const arrivals: number[] = [];
  let raw = "";
  const parser = createParser({
    onEvent(message) {
      events.push(runEventSchema.parse(JSON.parse(message.data)));
      arrivals.push(Date.now());
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    raw += text;
    parser.feed(text);
  }
  return { events, arrivals, raw };
}
