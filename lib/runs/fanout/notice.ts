import "server-only";
import { z } from "zod";
import type { RunEvent } from "@/lib/moa/events";

export const EVENTS_CHANNEL = "moa_run_events";
export const CANCEL_CHANNEL = "moa_run_cancel";

/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; stay clear of it. */
const MAX_PAYLOAD_BYTES = 7_000;

/**
 * "Events firstSeq..lastSeq of run r are stored", with the events inline when they fit. A
 * listener that gets no inline events, or sees a gap, reads the batch from the table.
 */
export const eventsNoticeSchema = z.object({
  r: z.string(),
  f: z.number().int().nonnegative(),
  l: z.number().int().nonnegative(),
  e: z.array(z.unknown()).optional(),
});
export type EventsNotice = z.infer<typeof eventsNoticeSchema>;

export function encodeEventsNotice(runId: string, events: RunEvent[]): string {
  const f = events[0].seq;
  const l = events[events.length - 1].seq;
  const full = JSON.stringify({ r: runId, f, l, e: events });
  return Buffer.byteLength(full) < MAX_PAYLOAD_BYTES ? full : JSON.stringify({ r: runId, f, l });
}

export function decodeEventsNotice(payload: string | undefined): EventsNotice | null {
  if (!payload) return null;
  try {
    const parsed = eventsNoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
