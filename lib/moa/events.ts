import { z } from "zod";
import { moaConfigSchema } from "./config";
import { chatMessageSchema } from "./conversation";
import { fusionAnalysisSchema } from "./methods/analysis-schema";

/**
 * THE event protocol. Everything that happens in a run is one of these: the engine yields
 * them, the server stores and streams them as SSE (`id:` = seq), the client reduces them.
 * Layers and agents are 0-based indices (the UI shows them 1-based).
 */
const base = {
  runId: z.string(),
  /** 0, 1, 2, … without gaps within a run. */
  seq: z.number().int().nonnegative(),
  /** Milliseconds since the run started. */
  t: z.number().nonnegative(),
};

const agentRef = {
  layer: z.number().int().nonnegative(),
  agent: z.number().int().nonnegative(),
};

export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  /** Everything the model wrote, reasoning included (providers bill it as output). */
  outputTokens: z.number().int().nonnegative(),
  /** The part of `outputTokens` spent reasoning; absent when the model reported none. */
  reasoningTokens: z.number().int().nonnegative().optional(),
});

export const agentRefSchema = z.object(agentRef);

/**
 * What a method (lib/moa/methods) did besides running agents: a judge's pick, a ranking, a
 * peer review, a moderator's or a convergence check's decision, a Fusion analysis.
 */
export const methodStepKindSchema = z.enum(["select", "rank", "review", "moderate", "converge", "analysis", "note"]);

export const failureKindSchema = z.enum([
  "rate_limited", // 429 after retries
  "server_error", // 5xx after retries
  "auth", // 401/403: bad or missing key
  "bad_request", // other 4xx
  "context_length", // prompt too long for the model
  "timeout", // no answer within the agent timeout
  "network", // connection refused, dropped, DNS, malformed stream
  "empty", // the model answered nothing
  "unknown_model", // the id cannot be resolved to a usable model
  "unknown",
]);

/** Why a model stopped writing, in the AI SDK's unified terms; `length` means the token limit cut it. */
export const finishReasonSchema = z.enum(["stop", "length", "content-filter", "tool-calls", "error", "other"]);

export const runEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("run-started"),
    config: moaConfigSchema,
    messages: z.array(chatMessageSchema),
  }),
  z.object({
    ...base,
    type: z.literal("layer-started"),
    layer: z.number().int().nonnegative(),
    /**
     * Layers after the first: true when its agents started from the previous layer's partial
     * answers (early aggregation), false when they waited for every answer. Absent in runs
     * stored before the field existed.
     */
    fromPartial: z.boolean().optional(),
  }),
  /** Step-through runs only: the engine waits for the teacher before starting `layer`. */
  z.object({ ...base, type: z.literal("layer-paused"), layer: z.number().int().nonnegative() }),
  z.object({ ...base, ...agentRef, type: z.literal("agent-started"), model: z.string() }),
  z.object({ ...base, ...agentRef, type: z.literal("agent-delta"), text: z.string() }),
  /** A piece of the agent's reasoning (thinking, reasoning summary), streamed before or beside its answer. */
  z.object({ ...base, ...agentRef, type: z.literal("agent-reasoning-delta"), text: z.string() }),
  z.object({
    ...base,
    ...agentRef,
    type: z.literal("agent-retry"),
    attempt: z.number().int().positive(),
    delayMs: z.number().nonnegative(),
    message: z.string(),
  }),
  z.object({
    ...base,
    ...agentRef,
    type: z.literal("agent-finished"),
    text: z.string(),
    usage: usageSchema,
    ttftMs: z.number().nonnegative(),
    durationMs: z.number().nonnegative(),
    /** Optional so runs stored before these fields still parse. */
    finishReason: finishReasonSchema.optional(),
    /** The output token limit the agent was called with. */
    maxOutputTokens: z.number().int().positive().optional(),
    /** The agent's whole reasoning text, when its model streamed any. */
    reasoning: z.string().optional(),
  }),
  z.object({
    ...base,
    ...agentRef,
    type: z.literal("agent-failed"),
    kind: failureKindSchema,
    message: z.string(),
    retryable: z.boolean(),
    /** Text streamed before the failure, kept for display. */
    partialText: z.string(),
  }),
  z.object({
    ...base,
    ...agentRef,
    type: z.literal("agent-skipped"),
    reason: z.string(),
    partialText: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal("layer-finished"),
    layer: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
  }),
  z.object({
    ...base,
    type: z.literal("run-finished"),
    text: z.string(),
    usage: usageSchema,
    durationMs: z.number().nonnegative(),
  }),
  z.object({
    ...base,
    type: z.literal("method-step"),
    /** The layer the step serves: whose inputs it chose, or whose answer it read. */
    layer: z.number().int().nonnegative(),
    step: methodStepKindSchema,
    /** One sentence for people: what was decided and why. */
    note: z.string(),
    /** The model of an auxiliary call, its raw reply and what it cost. */
    model: z.string().optional(),
    reply: z.string().optional(),
    usage: usageSchema.optional(),
    /** The answers `layer` reads, in the order it reads them (numbered from 1 in its prompt). */
    inputs: z.array(agentRefSchema).optional(),
    /** The run goes straight to its final layer; the layers in between are skipped. */
    stop: z.boolean().optional(),
    analysis: fusionAnalysisSchema.optional(),
  }),
  z.object({ ...base, type: z.literal("run-failed"), message: z.string() }),
  z.object({ ...base, type: z.literal("run-cancelled"), reason: z.string() }),
  /** Written by the server, not the engine: the process that ran it went away. */
  z.object({ ...base, type: z.literal("run-interrupted"), reason: z.string() }),
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent["type"];
export type Usage = z.infer<typeof usageSchema>;
export type FailureKind = z.infer<typeof failureKindSchema>;
export type FinishReason = z.infer<typeof finishReasonSchema>;
export type AgentRef = z.infer<typeof agentRefSchema>;
export type MethodStepKind = z.infer<typeof methodStepKindSchema>;
export type EventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

export interface EventEnvelope {
  runId: string;
  seq: number;
  t: number;
}

/** An event (or each event of a union) without its envelope. */
export type BodyOf<E extends RunEvent> = E extends RunEvent ? Omit<E, keyof EventEnvelope> : never;
/** Events without the envelope the engine stamps on (runId, seq, t). */
export type RunEventBody = BodyOf<RunEvent>;

/** The one place a body gets its envelope (TypeScript cannot see that a body plus an envelope is an event). */
export function stampEvent(body: RunEventBody, envelope: EventEnvelope): RunEvent {
  return { ...body, ...envelope } as RunEvent;
}

/** The event without its envelope, to stamp it again in another stream. */
export function eventBody<E extends RunEvent>(event: E): BodyOf<E> {
  const { runId: _runId, seq: _seq, t: _t, ...body } = event;
  return body as BodyOf<E>;
}

export const TERMINAL_EVENT_TYPES = ["run-finished", "run-failed", "run-cancelled", "run-interrupted"] as const;
export type TerminalEvent = EventOf<(typeof TERMINAL_EVENT_TYPES)[number]>;

export function isTerminal(event: RunEvent): event is TerminalEvent {
  return (TERMINAL_EVENT_TYPES as readonly string[]).includes(event.type);
}

const isIndex = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Validates one event off the wire. Token deltas are nearly every event of a run (thousands a
 * second in a busy one) and have one fixed shape: they are checked by hand, to exactly what the
 * schema accepts, and copied without unknown keys as the schema would; every other event goes
 * through the schema. Null when it is not a valid event.
 */
export function parseRunEvent(value: unknown): RunEvent | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type === "agent-delta" || v.type === "agent-reasoning-delta") {
    const { type, runId, seq, t, layer, agent, text } = v;
    const valid = typeof runId === "string" && isIndex(seq) && typeof t === "number" && Number.isFinite(t) && t >= 0 && isIndex(layer) && isIndex(agent) && typeof text === "string";
    return valid ? { type, runId, seq, t, layer, agent, text } : null;
  }
  const result = runEventSchema.safeParse(value);
  return result.success ? result.data : null;
}
