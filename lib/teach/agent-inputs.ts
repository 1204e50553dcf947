import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { LIMITS } from "@/lib/moa/limits";
import type { RunState } from "@/lib/moa/run-state";
import { buildAgentMessages, findAnswerSpans } from "@/lib/moa/synthesis";

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
}

export interface AgentInputs {
  layer: number;
  agent: number;
  /** Exactly what the engine sent: one system message (if any), then the turns. */
  messages: ChatMessage[];
  params: { model: string; temperature?: number; maxTokens: number; system?: string; seed?: number };
  quoted: QuotedAnswer[];
  /**
   * Early aggregation writes from partial answers that grow while it streams, so the
   * messages are the finished answers, not the prefix the agent first saw.
   */
  approximate: boolean;
}

export interface PreviousAnswer {
  agent: number;
  text: string;
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
}): AgentInputs {
  const { config, layer, agent } = input;
  const layerConfig = config.layers[layer];
  const agentConfig: AgentConfig | undefined = layerConfig?.agents[agent];
  if (!layerConfig || !agentConfig) throw new RangeError(`the run has no agent ${agent + 1} in layer ${layer + 1}`);
  const previous = layer === 0 ? [] : input.previous;
  const messages = buildAgentMessages({
    conversation: input.messages,
    agentSystem: agentConfig.system,
    previousAnswers: previous.map((p) => p.text),
    synthesisPrompt: layerConfig.synthesisPrompt,
  });
  const system = messages[0]?.role === "system" ? messages[0].content : "";
  const quoted = previous.length === 0 ? [] : findAnswerSpans(system).flatMap((span) => {
    const source = previous[span.n - 1];
    return source ? [{ ...span, layer: layer - 1, agent: source.agent }] : [];
  });
  // The engine seeds repeated models by slot so their samples differ.
  const repeated = layerConfig.agents.filter((a) => a.model === agentConfig.model).length > 1;
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
    },
    quoted,
    approximate: layer > 0 && config.earlyAggregation !== undefined,
  };
}

/** The same, from a run's folded state: the previous layer's agents that finished ("done"). */
export function agentInputsFromRun(run: RunState, layer: number, agent: number): AgentInputs | undefined {
  if (!run.config || !run.config.layers[layer]?.agents[agent]) return undefined;
  const previous = layer === 0 ? [] : (run.agents[layer - 1] ?? []).filter((a) => a.status === "done").map((a) => ({ agent: a.agent, text: a.text }));
  return reconstructAgentInputs({ config: run.config, messages: run.messages, layer, agent, previous });
}

/** True once the agent's inputs are settled: its layer has started (the previous layer has answered). */
export function inputsKnown(run: RunState, layer: number): boolean {
  if (layer === 0) return run.config !== undefined;
  const status = run.layers[layer]?.status;
  return status === "running" || status === "done";
}
