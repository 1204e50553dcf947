import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { LIMITS } from "@/lib/moa/limits";
import { methodMessages, receivedBy } from "@/lib/moa/methods/received";
import { aggregatesEarly, modelsWithoutPrefixContinuation } from "@/lib/moa/prefix-continuation";
import type { RunState } from "@/lib/moa/run-state";
import { buildAgentMessages, findAnswerSpans, findTraceSpans } from "@/lib/moa/synthesis";

/** An answer of the previous layer quoted inside the system message. */
export interface QuotedAnswer {
  /** 1-based number as written in the prompt. */
  n: number;
  /** Where it came from (0-based). */
  layer: number;
  agent: number;
  /** Offsets into the system message's content. */
  start: number;
  end: number;
  /** An answer, or the reasoning behind one (trace-level synthesis). */
  kind?: "answer" | "trace";
}

export interface AgentInputs {
  layer: number;
  agent: number;
  /** Exactly what the engine sent: one system message (if any), then the turns. */
  messages: ChatMessage[];
  params: { model: string; temperature?: number; maxTokens: number; system?: string; seed?: number; reasoningEffort?: string };
  /** Set on later layers: whether the agent also read the previous layer's reasoning. */
  readsReasoning?: boolean;
  quoted: QuotedAnswer[];
  /**
   * Early aggregation writes from partial answers that grow while it streams, so the
   * messages are the finished answers, not the prefix the agent first saw.
   */
  approximate: boolean;
  /**
   * Set when the run asked for early aggregation and this is a later layer: what the layer
   * actually did. `fallback`: its models cannot continue a partial answer, so it waited for all.
   */
  early?: { kind: "partial" } | { kind: "complete" } | { kind: "fallback"; models: string[] };
}

/** What early aggregation did for `layer`; `fromPartial` is what the run's layer-started said, when known. */
function earlyOutcome(config: MoAConfig, layer: number, fromPartial: boolean | undefined): AgentInputs["early"] {
  if (config.earlyAggregation === undefined || layer === 0) return undefined;
  if (!aggregatesEarly(config, layer)) return { kind: "fallback", models: modelsWithoutPrefixContinuation(config, layer) };
  // Runs stored before layer-started carried `fromPartial` always started early on such layers.
  return fromPartial === false ? { kind: "complete" } : { kind: "partial" };
}

export interface PreviousAnswer {
  agent: number;
  text: string;
  /** Where a method took it from; default: the layer before. */
  layer?: number;
  /** What the model streamed as reasoning, if anything. */
  reasoning?: string;
}

/**
 * Rebuilds an agent's request the way the engine builds it: same function, same inputs.
 * `previous` holds the previous layer's FINISHED agents, in agent order.
 */
export function reconstructAgentInputs(input: {
  config: MoAConfig;
  messages: ChatMessage[];
  layer: number;
  agent: number;
  previous: PreviousAnswer[];
  /** From the layer's layer-started event: it started before the previous layer was done. */
  fromPartial?: boolean;
  /** A method's own prompt for this agent, when it sent one (lib/moa/methods/received.ts). */
  methodMessages?: (agent: AgentConfig, answers: string[]) => ChatMessage[] | undefined;
}): AgentInputs {
  const { config, layer, agent } = input;
  const layerConfig = config.layers[layer];
  const agentConfig: AgentConfig | undefined = layerConfig?.agents[agent];
  if (!layerConfig || !agentConfig) throw new RangeError(`the run has no agent ${agent + 1} in layer ${layer + 1}`);
  const previous = layer === 0 ? [] : input.previous;
  const answers = previous.map((p) => p.text);
  // As in the engine: early aggregation reads answers as they stream, without their reasoning.
  const readsReasoning = layer > 0 && layerConfig.readReasoning === true && !aggregatesEarly(config, layer);
  const messages =
    input.methodMessages?.(agentConfig, answers) ??
    buildAgentMessages({
      conversation: input.messages,
      agentSystem: agentConfig.system,
      previousAnswers: answers,
      synthesisPrompt: layerConfig.synthesisPrompt,
      previousReasoning: readsReasoning ? previous.map((p) => p.reasoning ?? "") : undefined,
    });
  const system = messages[0]?.role === "system" ? messages[0].content : "";
  const locate = (spans: ReturnType<typeof findAnswerSpans>, kind: "answer" | "trace") =>
    spans.flatMap((span) => {
      const source = previous[span.n - 1];
      return source ? [{ ...span, layer: source.layer ?? layer - 1, agent: source.agent, kind }] : [];
    });
  const quoted =
    previous.length === 0
      ? []
      : [...locate(findTraceSpans(system), "trace"), ...locate(findAnswerSpans(system), "answer")].sort((a, b) => a.start - b.start);
  // The engine seeds repeated models by slot so their samples differ.
  const repeated = layerConfig.agents.filter((a) => a.model === agentConfig.model).length > 1;
  const early = earlyOutcome(config, layer, input.fromPartial);
  return {
    layer,
    agent,
    messages,
    params: {
      model: agentConfig.model,
      temperature: agentConfig.temperature,
      maxTokens: agentConfig.maxTokens ?? LIMITS.defaultMaxTokens,
      system: agentConfig.system,
      seed: repeated ? agent : undefined,
      ...(agentConfig.reasoningEffort && { reasoningEffort: agentConfig.reasoningEffort }),
    },
    ...(layer > 0 && { readsReasoning }),
    quoted,
    approximate: early?.kind === "partial",
    ...(early && { early }),
  };
}

/** The same, from a run's folded state: the answers the agent read (the previous layer's finished ones, or its method's pick). */
export function agentInputsFromRun(run: RunState, layer: number, agent: number): AgentInputs | undefined {
  if (!run.config || !run.config.layers[layer]?.agents[agent]) return undefined;
  const previous = receivedBy(run, layer).map((a) => ({ agent: a.agent, layer: a.layer, text: a.text, reasoning: a.reasoning }));
  return reconstructAgentInputs({
    config: run.config,
    messages: run.messages,
    layer,
    agent,
    previous,
    fromPartial: run.layers[layer]?.fromPartial,
    methodMessages: (agentConfig, answers) => methodMessages(run, layer, agentConfig, answers),
  });
}

/** True once the agent's inputs are settled: its layer has started (the previous layer has answered). */
export function inputsKnown(run: RunState, layer: number): boolean {
  if (layer === 0) return run.config !== undefined;
  const status = run.layers[layer]?.status;
  return status === "running" || status === "done";
}
