import type { EmbeddingModel, LanguageModel } from "ai";

/** What a run needs from outside the engine: models, cancellation, timing and the step-through gate. */
export interface EngineDeps {
  runId: string;
  /** May throw (unknown provider, missing key): that agent then fails as `unknown_model`. */
  resolveModel: (modelId: string) => LanguageModel;
  /** Embedding models for methods that compare answers (RMoA); may throw like `resolveModel`. */
  resolveEmbeddingModel?: (modelId: string) => EmbeddingModel;
  /** Cancels everything in flight; the run then ends with run-cancelled. */
  signal?: AbortSignal;
  agentTimeoutMs?: number;
  firstTokenTimeoutMs?: number;
  stallTimeoutMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  now?: () => number;
  /**
   * Step-through: awaited before each layer ≥ 1 starts (after a `layer-paused` event), so a
   * teacher can say what comes next. Cancelling the run stops the wait.
   */
  beforeLayer?: (layer: number) => Promise<void>;
}

/** The timeouts an operator may set (see lib/runs/engine-options.ts). */
export type EngineTimeouts = Pick<EngineDeps, "agentTimeoutMs" | "firstTokenTimeoutMs" | "stallTimeoutMs" | "maxRetries">;
