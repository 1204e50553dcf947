import type { RunEvent } from "@/lib/moa/events";
import type { StreamEnd } from "./run-client";

/** Messages between the page and the worker that reads run streams (see stream-worker.ts). */
export type ToStreamWorker = { kind: "follow"; key: number; id: string; afterSeq?: number } | { kind: "abort"; key: number };

export type FromStreamWorker =
  /** Sent once the worker listens: a message posted before that could be lost while its script loads. */
  | { kind: "ready" }
  | { kind: "events"; key: number; events: RunEvent[] }
  | { kind: "connection"; key: number; state: "open" | "reconnecting" }
  | { kind: "end"; key: number; end: StreamEnd }
  | { kind: "error"; key: number; error: { code: string; message: string; status: number } | null };
