import type { MoAConfig } from "./config";
import type { ChatMessage } from "./conversation";
import type { EventOf, FailureKind, FinishReason, RunEvent, Usage } from "./events";
import { addUsage, emptyUsage } from "./usage";

/**
 * The state of a run as a pure fold over its events. The server uses it to answer
 * `GET /api/runs/{id}`; the browser's run store applies the same reducer.
 */
export const AGENT_STATUSES = ["waiting", "thinking", "streaming", "done", "failed", "skipped", "stopped"] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
/** `stopped`: the run ended (stopped, failed, interrupted) before the layer finished or began. */
export type LayerStatus = "waiting" | "running" | "done" | "stopped";
export const RUN_STATUSES = ["pending", "running", "finished", "failed", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** How a run ended; it never changes again. */
export type EndedRunStatus = Exclude<RunStatus, "pending" | "running">;

/** The one test for "this run has ended" (pending and running runs have not). */
export function hasEnded(status: RunStatus): status is EndedRunStatus {
  return status !== "pending" && status !== "running";
}

export interface AgentState {
  layer: number;
  agent: number;
  model: string;
  status: AgentStatus;
  text: string;
  /** ms since run start */
  startedAt?: number;
  firstTokenAt?: number;
  finishedAt?: number;
  usage?: Usage;
  ttftMs?: number;
  durationMs?: number;
  error?: { kind: FailureKind; message: string };
  skipReason?: string;
  retries: number;
  /** Why the model stopped; unknown for runs stored before it was recorded. */
  finishReason?: FinishReason;
  /** Set when the output token limit cut the answer: that limit. */
  truncatedAt?: number;
  /** Reasoning the model streamed (thinking, reasoning summary); absent for plain models. */
  reasoning?: string;
  /** ms since run start of the first reasoning delta, and of the first answer delta after it. */
  reasoningStartedAt?: number;
  reasoningEndedAt?: number;
}

export interface LayerState {
  status: LayerStatus;
  startedAt?: number;
  durationMs?: number;
  /** Layers after the first: started from the previous layer's partial answers (see `layer-started`). */
  fromPartial?: boolean;
}

/** A method step as the UI shows it: the event without its envelope, plus when it happened. */
export type MethodStepState = Omit<EventOf<"method-step">, "runId" | "seq" | "type">;

export interface RunState {
  runId: string;
  status: RunStatus;
  config?: MoAConfig;
  messages: ChatMessage[];
  layers: LayerState[];
  agents: AgentState[][];
  finalText: string;
  usage: Usage;
  durationMs?: number;
  error?: string;
  /** What the run's method did besides its agents (lib/moa/methods); absent for plain MoA runs. */
  steps?: MethodStepState[];
  /** Step-through runs: the layer (0-based) waiting for the teacher's "Next layer". */
  pausedBefore?: number;
  /** Sequence number of the last event applied; -1 before any. */
  lastSeq: number;
  /** ms since start of the last event applied. */
  t: number;
}

export function initialRunState(runId: string): RunState {
  return {
    runId,
    status: "pending",
    messages: [],
    layers: [],
    agents: [],
    finalText: "",
    usage: { inputTokens: 0, outputTokens: 0 },
    lastSeq: -1,
    t: 0,
  };
}

function updateAgent(state: RunState, layer: number, agent: number, patch: (a: AgentState) => AgentState): RunState {
  const current = state.agents[layer]?.[agent];
  if (!current) return state;
  const row = state.agents[layer].slice();
  row[agent] = patch(current);
  const agents = state.agents.slice();
  agents[layer] = row;
  return { ...state, agents };
}

function updateLayer(state: RunState, layer: number, patch: Partial<LayerState>): RunState {
  if (!state.layers[layer]) return state;
  const layers = state.layers.slice();
  layers[layer] = { ...layers[layer], ...patch };
  return { ...state, layers };
}

/**
 * A run that ends early (stopped, failed, interrupted) leaves nothing waiting or running: agents
 * in flight and agents that never started are stopped (the latter keep no `startedAt`), and so
 * are unfinished layers; otherwise later layers would show "waiting" for ever. The run's usage is
 * what its agents reported (tokens paid for, though no total came).
 */
function endOpenWork(state: RunState, t: number): RunState {
  const open = (a: AgentState) => a.status === "waiting" || a.status === "thinking" || a.status === "streaming";
  const agents = state.agents.some((row) => row.some(open))
    ? state.agents.map((row) => row.map((a) => (open(a) ? { ...a, status: "stopped" as const } : a)))
    : state.agents;
  const layers = state.layers.some((l) => l.status === "waiting" || l.status === "running")
    ? state.layers.map((l) =>
        l.status === "running"
          ? { ...l, status: "stopped" as const, durationMs: Math.max(0, t - (l.startedAt ?? t)) }
          : l.status === "waiting"
            ? { ...l, status: "stopped" as const }
            : l,
      )
    : state.layers;
  const usage = [...agents.flat(), ...(state.steps ?? [])].reduce((sum, a) => (a.usage ? addUsage(sum, a.usage) : sum), emptyUsage());
  return { ...state, agents, layers, usage, pausedBefore: undefined };
}

/** What a token delta changes in its agent. */
function deltaPatch(a: AgentState, event: EventOf<"agent-delta">): Partial<AgentState> {
  return {
    status: "streaming",
    text: a.text + event.text,
    firstTokenAt: a.firstTokenAt ?? event.t,
    ...(a.reasoning !== undefined && a.reasoningEndedAt === undefined && { reasoningEndedAt: event.t }),
  };
}

/**
 * Applies many events: the same state as `reduceRun` one by one, but a run of token deltas costs
 * one copy of the agents it touches instead of a copy of the run state per delta (a server folds
 * thousands of deltas a second under load). The state passed in is never changed.
 */
export function reduceRunEvents(state: RunState, events: readonly RunEvent[]): RunState {
  let next = state;
  let i = 0;
  while (i < events.length) {
    if (events[i].type !== "agent-delta") {
      next = reduceRun(next, events[i++]);
      continue;
    }
    let end = i;
    while (end < events.length && events[end].type === "agent-delta") end++;
    next = applyDeltas(next, events.slice(i, end) as Array<EventOf<"agent-delta">>);
    i = end;
  }
  return next;
}

function applyDeltas(state: RunState, deltas: Array<EventOf<"agent-delta">>): RunState {
  let agents = state.agents;
  // Rows and agents copied for this run of deltas: only those are changed in place.
  const ownRows = new Set<AgentState[]>();
  const ownAgents = new Set<AgentState>();
  let { lastSeq, t } = state;
  for (const event of deltas) {
    if (event.seq <= lastSeq) continue;
    lastSeq = event.seq;
    t = Math.max(t, event.t);
    const current = agents[event.layer]?.[event.agent];
    if (!current) continue;
    if (agents === state.agents) agents = state.agents.slice();
    let row = agents[event.layer];
    if (!ownRows.has(row)) {
      row = row.slice();
      agents[event.layer] = row;
      ownRows.add(row);
    }
    let agent = row[event.agent];
    if (!ownAgents.has(agent)) {
      agent = { ...agent };
      row[event.agent] = agent;
      ownAgents.add(agent);
    }
    Object.assign(agent, deltaPatch(agent, event));
  }
  return agents === state.agents && lastSeq === state.lastSeq ? state : { ...state, agents, lastSeq, t };
}

/** Applies one event. Events at or below `lastSeq` are ignored, so replays and reconnects are idempotent. */
export function reduceRun(state: RunState, event: RunEvent): RunState {
  if (event.seq <= state.lastSeq) return state;
  const next = applyEvent(state, event);
  return { ...next, lastSeq: event.seq, t: Math.max(next.t, event.t) };
}

function applyEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case "run-started":
      return {
        ...state,
        status: "running",
        config: event.config,
        messages: event.messages,
        layers: event.config.layers.map(() => ({ status: "waiting" as const })),
        agents: event.config.layers.map((layer, l) =>
          layer.agents.map((a, i) => ({ layer: l, agent: i, model: a.model, status: "waiting" as const, text: "", retries: 0 })),
        ),
      };
    case "layer-paused":
      return { ...state, pausedBefore: event.layer };
    case "layer-started":
      return updateLayer({ ...state, pausedBefore: undefined }, event.layer, {
        status: "running",
        startedAt: event.t,
        ...(event.fromPartial !== undefined && { fromPartial: event.fromPartial }),
      });
    case "agent-started":
      return updateAgent(state, event.layer, event.agent, (a) => ({ ...a, status: "thinking", startedAt: event.t }));
    case "agent-delta":
      return updateAgent(state, event.layer, event.agent, (a) => ({ ...a, ...deltaPatch(a, event) }));
    case "agent-reasoning-delta":
      return updateAgent(state, event.layer, event.agent, (a) => ({
        ...a,
        reasoning: (a.reasoning ?? "") + event.text,
        reasoningStartedAt: a.reasoningStartedAt ?? event.t,
      }));
    case "agent-retry":
      // A retried attempt thinks again from scratch.
      return updateAgent(state, event.layer, event.agent, (a) => ({
        ...a,
        retries: event.attempt,
        reasoning: undefined,
        reasoningStartedAt: undefined,
        reasoningEndedAt: undefined,
      }));
    case "agent-finished":
      return updateAgent(state, event.layer, event.agent, (a) => ({
        ...a,
        status: "done",
        text: event.text,
        usage: event.usage,
        ttftMs: event.ttftMs,
        durationMs: event.durationMs,
        finishedAt: event.t,
        ...(event.finishReason !== undefined && { finishReason: event.finishReason }),
        ...(event.finishReason === "length" && { truncatedAt: event.maxOutputTokens ?? event.usage.outputTokens }),
        ...(event.reasoning !== undefined && { reasoning: event.reasoning, reasoningEndedAt: a.reasoningEndedAt ?? event.t }),
      }));
    case "agent-failed":
      return updateAgent(state, event.layer, event.agent, (a) => ({
        ...a,
        status: "failed",
        text: event.partialText,
        error: { kind: event.kind, message: event.message },
        finishedAt: event.t,
      }));
    case "agent-skipped":
      return updateAgent(state, event.layer, event.agent, (a) => ({
        ...a,
        status: "skipped",
        text: event.partialText,
        skipReason: event.reason,
        finishedAt: event.t,
      }));
    case "method-step": {
      const { runId: _r, seq: _s, type: _t, ...step } = event;
      return { ...state, steps: [...(state.steps ?? []), step] };
    }
    case "layer-finished":
      return updateLayer(state, event.layer, { status: "done", durationMs: event.durationMs });
    case "run-finished":
      return { ...state, status: "finished", finalText: event.text, usage: event.usage, durationMs: event.durationMs };
    case "run-failed":
      return { ...endOpenWork(state, event.t), status: "failed", error: event.message, durationMs: event.t };
    case "run-cancelled":
      return { ...endOpenWork(state, event.t), status: "cancelled", error: event.reason, durationMs: event.t };
    case "run-interrupted":
      return { ...endOpenWork(state, event.t), status: "interrupted", error: event.reason, durationMs: event.t };
  }
}
