import type { Usage } from "@/lib/moa/events";
import type { AgentState, AgentStatus, RunState } from "@/lib/moa/run-state";
import { criticalAgent, criticalPath, type CriticalStep } from "./critical-path";

export type { CriticalStep } from "./critical-path";

/** What the figures need to know about a model; a catalog entry fits as is. */
export interface ModelFacts {
  /** USD per million tokens; `reasoning` when reasoning tokens are priced apart from output. */
  pricePerMTokens?: { input: number; output: number; reasoning?: number };
  /** Billions of parameters active per token. */
  activeParamsB?: number;
}
export type ModelLookup = (modelId: string) => ModelFacts | undefined;

/** Shown next to every FLOPs figure. */
export const COMPUTE_ASSUMPTION =
  "Compute ≈ 2 × active parameters × tokens processed (input + output): one multiply and one add per weight per token. " +
  "It leaves out attention over the context, prompt caching and hardware efficiency, so read it as an order of magnitude.";

export interface Figures {
  inputTokens: number;
  /** All output tokens, reasoning included. */
  outputTokens: number;
  /** The part of `outputTokens` the models spent reasoning. */
  reasoningTokens: number;
  /** USD for the tokens whose model has a known price. */
  costUsd: number;
  /** The part of `costUsd` paid for reasoning tokens. */
  reasoningCostUsd: number;
  /** True when some tokens belong to a model without a known price: `costUsd` then covers only the priced part. */
  estimated: boolean;
  /** Teraflops for the tokens whose model has a known active parameter count. */
  tflops: number;
  /** True when some tokens belong to a model without a known parameter count. */
  tflopsEstimated: boolean;
  /** Models (with tokens) that have no price, once each, in order of appearance. */
  unpricedModels: string[];
  /** Models (with tokens) that have no parameter count. */
  unsizedModels: string[];
  /** Agents that started but reported no usage (failed, skipped, stopped): their tokens are not counted. */
  unmeasuredAgents: number;
}

export interface AgentFigures extends Figures {
  layer: number;
  agent: number;
  model: string;
  status: AgentStatus;
  durationMs?: number;
}

export interface LayerFigures extends Figures {
  layer: number;
  durationMs?: number;
  /** The agent whose end the layer waited for last; undefined when none ended. */
  criticalAgent?: number;
}

export interface RunFigures {
  agents: AgentFigures[][];
  layers: LayerFigures[];
  total: Figures & { durationMs?: number };
  criticalPath: CriticalStep[];
}

const MEASURED_LATER: AgentStatus[] = ["failed", "skipped", "stopped"];

/** USD for the tokens of `usage` at `price` (per million tokens); undefined when either is unknown. */
export function usageCostUsd(usage: Usage | undefined, price: ModelFacts["pricePerMTokens"]): number | undefined {
  if (!usage || !price) return undefined;
  // Providers bill reasoning as output unless the catalog names a reasoning price.
  const reasoning = Math.min(usage.outputTokens, usage.reasoningTokens ?? 0);
  return (usage.inputTokens * price.input + (usage.outputTokens - reasoning) * price.output + reasoning * (price.reasoning ?? price.output)) / 1_000_000;
}

function agentFigures(a: AgentState, lookup: ModelLookup): AgentFigures {
  const facts = lookup(a.model);
  const inputTokens = a.usage?.inputTokens ?? 0;
  const outputTokens = a.usage?.outputTokens ?? 0;
  const reasoningTokens = Math.min(outputTokens, a.usage?.reasoningTokens ?? 0);
  const tokens = inputTokens + outputTokens;
  const price = facts?.pricePerMTokens;
  const params = facts?.activeParamsB;
  const unpriced = tokens > 0 && !price;
  const unsized = tokens > 0 && params === undefined;
  const reasoningCostUsd = price ? (reasoningTokens * (price.reasoning ?? price.output)) / 1_000_000 : 0;
  return {
    layer: a.layer,
    agent: a.agent,
    model: a.model,
    status: a.status,
    durationMs: a.durationMs,
    inputTokens,
    outputTokens,
    reasoningTokens,
    costUsd: usageCostUsd(a.usage, price) ?? 0,
    reasoningCostUsd,
    estimated: unpriced,
    // 2 · (P·10⁹) · tokens FLOPs, divided by 10¹² for teraflops.
    tflops: params === undefined ? 0 : (2 * params * tokens) / 1_000,
    tflopsEstimated: unsized,
    unpricedModels: unpriced ? [a.model] : [],
    unsizedModels: unsized ? [a.model] : [],
    unmeasuredAgents: !a.usage && a.startedAt !== undefined && MEASURED_LATER.includes(a.status) ? 1 : 0,
  };
}

function sum(parts: Figures[]): Figures {
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  return {
    inputTokens: parts.reduce((s, p) => s + p.inputTokens, 0),
    outputTokens: parts.reduce((s, p) => s + p.outputTokens, 0),
    reasoningTokens: parts.reduce((s, p) => s + p.reasoningTokens, 0),
    costUsd: parts.reduce((s, p) => s + p.costUsd, 0),
    reasoningCostUsd: parts.reduce((s, p) => s + p.reasoningCostUsd, 0),
    estimated: parts.some((p) => p.estimated),
    tflops: parts.reduce((s, p) => s + p.tflops, 0),
    tflopsEstimated: parts.some((p) => p.tflopsEstimated),
    unpricedModels: unique(parts.map((p) => p.unpricedModels)),
    unsizedModels: unique(parts.map((p) => p.unsizedModels)),
    unmeasuredAgents: parts.reduce((s, p) => s + p.unmeasuredAgents, 0),
  };
}

/** Tokens, cost, compute and the critical path of a run, per agent, per layer and in total. */
export function runFigures(state: RunState, lookup: ModelLookup): RunFigures {
  const agents = state.agents.map((row) => row.map((a) => agentFigures(a, lookup)));
  const layers = agents.map((row, layer) => ({
    layer,
    durationMs: state.layers[layer]?.durationMs,
    criticalAgent: criticalAgent(state.agents[layer])?.agent,
    ...sum(row),
  }));
  return { agents, layers, total: { ...sum(layers), durationMs: state.durationMs }, criticalPath: criticalPath(state) };
}
