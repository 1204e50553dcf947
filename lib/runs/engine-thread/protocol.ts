import "server-only";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { EngineTimeouts } from "@/lib/moa/engine-deps";
import type { RunEvent } from "@/lib/moa/events";
import type { RunKeys } from "@/lib/wire/keys";

/**
 * The messages between the run manager and the engine thread. A run on the thread is the same
 * `runMoABatches` call as in process; only its inputs, its batches and its signals cross.
 */

/** What the engine needs to start a run: all of it structured-cloneable. */
export interface ThreadRunStart {
  runId: string;
  config: MoAConfig;
  messages: ChatMessage[];
  /** The run's own provider keys: they live in the thread's memory for the run, nothing more. */
  keys?: RunKeys;
  stepThrough: boolean;
  timeouts: EngineTimeouts;
}

export type ToEngineThread =
  | { type: "start"; run: ThreadRunStart }
  | { type: "cancel"; runId: string; reason: unknown }
  /** Step-through: the layer the thread reported waiting at may start. */
  | { type: "continue"; runId: string };

export type FromEngineThread =
  /** Batches of several runs gathered over one turn of the thread's event loop, in emission order. */
  | { type: "batches"; batches: Array<[runId: string, events: RunEvent[]]> }
  /** Step-through: the run waits before `layer` until a `continue`. */
  | { type: "paused"; runId: string; layer: number }
  /** The run's engine returned: every batch of it was sent before this. */
  | { type: "ended"; runId: string }
  /** The engine threw (a bug: it normally ends a run with a terminal event). */
  | { type: "crashed"; runId: string; message: string };
