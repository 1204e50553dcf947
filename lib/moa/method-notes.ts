import { methodInfo } from "./methods/catalog";
import { formatDuration } from "./model-id";
import { aggregatesEarly, modelsWithoutPrefixContinuation } from "./prefix-continuation";
import type { AgentState, RunState } from "./run-state";

export const METHOD_NOTE_KINDS = ["truncated", "quorum", "deadline", "early", "early-fallback", "method", "method-step"] as const;

/**
 * Where a run departed from the paper's method, or an answer was cut short: things a reader
 * of the final answer must know to trust it. Derived from the folded run state, so the UI,
 * `GET /api/runs/{id}` and exports say the same thing.
 */
export interface MethodNote {
  kind: (typeof METHOD_NOTE_KINDS)[number];
  layer: number;
  agent?: number;
  /** True when it bears on the final answer directly: its own cut, or what it was written from. */
  final: boolean;
  /** A few words for a badge. */
  label: string;
  /** One or two sentences for a tooltip, the API and exports. */
  text: string;
}

const fmtInt = (n: number) => n.toLocaleString("en-US");

export function truncationLabel(maxTokens: number): string {
  return `truncated at ${fmtInt(maxTokens)} tokens`;
}

function truncationNote(a: AgentState, lastLayer: number): MethodNote | undefined {
  if (a.truncatedAt === undefined) return undefined;
  const final = a.layer === lastLayer;
  const who = final ? "The final answer" : `Layer ${a.layer + 1} · Agent ${a.agent + 1} (${a.model})`;
  const after = final ? "" : "; the next layer read the cut answer";
  return {
    kind: "truncated",
    layer: a.layer,
    agent: a.agent,
    final,
    label: truncationLabel(a.truncatedAt),
    text: `${who} stopped at its ${fmtInt(a.truncatedAt)}-token output limit (finish reason "length")${after}.`,
  };
}

function policyNote(state: RunState, layer: number, lastLayer: number): MethodNote | undefined {
  const policy = state.config?.layers[layer]?.policy;
  const row = state.agents[layer] ?? [];
  if (!policy || policy.kind === "all" || !row.some((a) => a.status === "skipped")) return undefined;
  const used = row.filter((a) => a.status === "done").length;
  const of = row.length;
  const dropped = row.filter((a) => a.status === "skipped").length;
  const rule = policy.kind === "quorum" ? `a quorum of ${policy.k}` : `a deadline of ${formatDuration(policy.ms)} after the first answer`;
  const final = layer === lastLayer - 1;
  const fastest = `the fastest ${used} of ${of} answers`;
  return {
    kind: policy.kind,
    layer,
    final,
    label: final ? `final answer written from ${fastest}` : `layer ${layer + 1}: ${fastest}`,
    text: `Layer ${layer + 1} went on after ${rule} and dropped ${dropped} slower agent${dropped === 1 ? "" : "s"}, so ${
      final ? "the final answer was written from" : "the next layer read only"
    } ${fastest} (the paper waits for all).`,
  };
}

function earlyNotes(state: RunState, layer: number, lastLayer: number): MethodNote[] {
  const config = state.config;
  const started = state.layers[layer]?.status === "running" || state.layers[layer]?.status === "done";
  if (!config?.earlyAggregation || layer === 0 || !started) return [];
  const final = layer === lastLayer;
  if (!aggregatesEarly(config, layer)) {
    const models = modelsWithoutPrefixContinuation(config, layer);
    return [
      {
        kind: "early-fallback",
        layer,
        final,
        label: "waited for all answers",
        text: `Early aggregation was on, but ${models.join(", ")} cannot continue a partial answer, so layer ${layer + 1} waited for every answer in full (the paper's schedule).`,
      },
    ];
  }
  // Runs stored before `fromPartial` was recorded: the engine then always started early.
  if (!(state.layers[layer]?.fromPartial ?? true)) return [];
  const who = final ? "The final aggregator" : `Layer ${layer + 1}`;
  return [
    {
      kind: "early",
      layer,
      final,
      label: final ? "opening written from partial answers" : `layer ${layer + 1} started from partial answers`,
      text: `Early aggregation: ${who} began writing from layer ${layer}'s partial answers; only what it wrote last saw every answer in full.`,
    },
  ];
}

/** The method the run used, with its idea and source, and what its steps decided (lib/moa/methods). */
function strategyNotes(state: RunState, lastLayer: number): MethodNote[] {
  const method = state.config?.method;
  if (!method || method.kind === "moa") return [];
  const info = methodInfo(method.kind);
  const notes: MethodNote[] = [{ kind: "method", layer: 0, final: true, label: info.label, text: `${info.idea} (${info.citation})` }];
  // Reviews and per-layer picks are many; the decisive ones bear on the final answer.
  for (const step of state.steps ?? []) {
    const decisive = step.stop === true || step.layer === lastLayer || step.step === "rank";
    if (!decisive || step.step === "review") continue;
    notes.push({ kind: "method-step", layer: step.layer, final: step.layer === lastLayer, label: `${info.label}: ${step.step}`, text: step.note });
  }
  return notes;
}

export function methodNotes(state: RunState): MethodNote[] {
  const lastLayer = state.agents.length - 1;
  const notes: MethodNote[] = strategyNotes(state, lastLayer);
  state.agents.forEach((row, layer) => {
    const policy = policyNote(state, layer, lastLayer);
    if (policy) notes.push(policy);
    notes.push(...earlyNotes(state, layer, lastLayer));
    for (const agent of row) {
      const cut = truncationNote(agent, lastLayer);
      if (cut) notes.push(cut);
    }
  });
  return notes;
}

/** The finish reason an OpenAI client should see for the run's answer. */
export function finalFinishReason(state: RunState): "stop" | "length" {
  return state.agents.at(-1)?.[0]?.truncatedAt !== undefined ? "length" : "stop";
}
