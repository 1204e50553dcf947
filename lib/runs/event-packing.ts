import "server-only";
import { z } from "zod";
import { runEventSchema, type EventOf, type RunEvent } from "@/lib/moa/events";

/**
 * How a batch of events is stored: every event as it is, except token deltas, which are
 * coalesced per agent into one `agent-deltas` entry holding each delta's seq, t and text.
 * A 3×6 run streams ~2,000 deltas; stored one object each, they were most of the JSON the
 * database parsed. Unpacking restores every delta exactly (same seq, t, text), so a viewer
 * resuming after any seq, even one inside a coalesced entry, gets exactly the events after it,
 * and no seq changes meaning.
 */
export const PACKED_DELTAS = "agent-deltas";

const packedDeltasSchema = z
  .object({
    type: z.literal(PACKED_DELTAS),
    layer: z.number().int().nonnegative(),
    agent: z.number().int().nonnegative(),
    seqs: z.array(z.number().int().nonnegative()).min(1),
    ts: z.array(z.number().nonnegative()),
    texts: z.array(z.string()),
  })
  .refine((p) => p.ts.length === p.seqs.length && p.texts.length === p.seqs.length, "seqs, ts and texts differ in length");

type PackedDeltas = z.infer<typeof packedDeltasSchema>;
type Delta = EventOf<"agent-delta">;

/** The batch as stored: deltas of one agent in one entry, placed where its first delta was. */
export function packEvents(events: readonly RunEvent[]): unknown[] {
  const stored: unknown[] = [];
  const open = new Map<string, PackedDeltas>();
  for (const event of events) {
    if (event.type !== "agent-delta") {
      stored.push(event);
      continue;
    }
    const key = `${event.layer}:${event.agent}`;
    let packed = open.get(key);
    if (!packed) {
      packed = { type: PACKED_DELTAS, layer: event.layer, agent: event.agent, seqs: [], ts: [], texts: [] };
      open.set(key, packed);
      stored.push(packed);
    }
    packed.seqs.push(event.seq);
    packed.ts.push(event.t);
    packed.texts.push(event.text);
  }
  return stored;
}

function isPacked(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === PACKED_DELTAS;
}

/**
 * The events of stored batches (of one run), in seq order. Each packed entry is validated once
 * and expanded without re-validating every delta; other entries go through the event schema.
 * Rows written before deltas were packed hold plain events and read the same way.
 */
export function unpackEvents(runId: string, batches: readonly unknown[][]): RunEvent[] {
  const events: RunEvent[] = [];
  for (const batch of batches) {
    for (const entry of batch) {
      if (!isPacked(entry)) {
        events.push(runEventSchema.parse(entry));
        continue;
      }
      const { layer, agent, seqs, ts, texts } = packedDeltasSchema.parse(entry);
      for (let i = 0; i < seqs.length; i++) {
        const delta: Delta = { type: "agent-delta", runId, seq: seqs[i], t: ts[i], layer, agent, text: texts[i] };
        events.push(delta);
      }
    }
  }
  // Entries are placed by their first delta, so later deltas come out of place until sorted.
  return events.sort((a, b) => a.seq - b.seq);
}
