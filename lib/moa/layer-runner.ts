import type { LanguageModel } from "ai";
import { startAgent, type AgentHandle, type AgentTiming } from "./agent-runner";
import type { AgentConfig, LayerConfig } from "./config";
import type { ChatMessage } from "./conversation";
import type { RunEventBody, Usage } from "./events";
import { createPolicyTracker } from "./layer-policy";
import type { LayerWatch, Pulse } from "./layer-watch";
import { startStaircaseAgent } from "./staircase-agent";
import { buildAgentMessages } from "./synthesis";
import { addUsage, emptyUsage } from "./usage";

export interface LayerInput {
  index: number;
  layer: LayerConfig;
  conversation: ChatMessage[];
  /** Answers of the agents of the previous layer that finished, in agent order. */
  previousAnswers: string[];
  /** The reasoning behind each of `previousAnswers` ("" when none); read only when the layer asks for it. */
  previousReasoning?: string[];
  runSignal: AbortSignal;
  emit: (body: RunEventBody) => void;
  now: () => number;
  resolveModel: (modelId: string) => LanguageModel;
  timing: AgentTiming;
  /** Early aggregation: write from the previous layer's answers as they stream instead of `previousAnswers`. */
  upstream?: { watch: LayerWatch; pulse: Pulse; chunkChars: number };
  /** A method's own prompt for this layer (lib/moa/methods); default: MoA's synthesis. */
  buildMessages?: (agent: AgentConfig, previousAnswers: string[]) => ChatMessage[];
}

/** Layers after the first say whether they start before the previous one is done (see `layer-started`). */
function startsFromPartial(input: LayerInput): boolean | undefined {
  if (input.index === 0) return undefined;
  return input.upstream !== undefined && !input.upstream.watch.done();
}

export type LayerResult =
  | { status: "cancelled" }
  /** `agents`: the agent index of each answer; `reasoning`: what each streamed as reasoning. */
  | { status: "done"; answers: string[]; agents: number[]; reasoning: string[]; usage: Usage; firstFailure?: string };

type SlotOutcome = "running" | "finished" | "failed" | "skipped";

/** Runs every agent of one layer at once and applies the layer's straggler policy. */
export async function runLayer(input: LayerInput): Promise<LayerResult> {
  const { index: layer, layer: config, runSignal, emit } = input;
  const startedAt = input.now();
  const fromPartial = startsFromPartial(input);
  emit({ type: "layer-started", layer, ...(fromPartial !== undefined && { fromPartial }) });
  config.agents.forEach((agent, i) => emit({ type: "agent-started", layer, agent: i, model: agent.model }));

  const controllers = config.agents.map(() => new AbortController());
  const abortAll = () => controllers.forEach((c) => c.abort(runSignal.reason));
  runSignal.addEventListener("abort", abortAll, { once: true });
  if (runSignal.aborted) abortAll();

  const states: SlotOutcome[] = config.agents.map(() => "running");
  const answers: (string | undefined)[] = config.agents.map(() => undefined);
  const reasoning: string[] = config.agents.map(() => "");
  const usage: Usage = emptyUsage();
  let firstFailure: string | undefined;
  let finishedCount = 0;
  let handles: AgentHandle[] = [];

  let settle!: () => void;
  const layerDone = new Promise<void>((resolve) => (settle = resolve));
  const checkDone = () => {
    if (runSignal.aborted || states.every((s) => s !== "running")) settle();
  };
  runSignal.addEventListener("abort", checkDone, { once: true });

  const tracker = createPolicyTracker(config.policy, (reason) => {
    states.forEach((state, i) => {
      if (state !== "running") return;
      states[i] = "skipped";
      emit({ type: "agent-skipped", layer, agent: i, reason, partialText: handles[i]?.partialText() ?? "" });
      controllers[i].abort(new Error(reason));
    });
    checkDone();
  });

  handles = config.agents.map((agent, i) => {
    const buildMessages = (previousAnswers: string[]) =>
      input.buildMessages?.(agent, previousAnswers) ??
      buildAgentMessages({
        conversation: input.conversation,
        agentSystem: agent.system,
        previousAnswers,
        synthesisPrompt: config.synthesisPrompt,
        // Early aggregation reads answers as they stream; their reasoning is not tracked there.
        previousReasoning: config.readReasoning && !input.upstream ? input.previousReasoning : undefined,
      });
    const common = {
      layer,
      agent: i,
      config: agent,
      resolveModel: input.resolveModel,
      seed: config.agents.filter((other) => other.model === agent.model).length > 1 ? i : undefined,
      signal: controllers[i].signal,
      emit,
      now: input.now,
      timing: input.timing,
    };
    const { upstream } = input;
    return upstream
      ? startStaircaseAgent({ ...common, upstream: upstream.watch, pulse: upstream.pulse, chunkChars: upstream.chunkChars, buildMessages })
      : startAgent({ ...common, messages: buildMessages(input.previousAnswers) });
  });

  handles.forEach((handle, i) => {
    void handle.outcome.then((outcome) => {
      // A skip or a cancel already decided this agent's fate; its late outcome is moot.
      if (states[i] !== "running" || runSignal.aborted) return;
      if (outcome.status === "finished") {
        states[i] = "finished";
        answers[i] = outcome.text;
        reasoning[i] = outcome.reasoning;
        addUsage(usage, outcome.usage);
        finishedCount++;
        const { text, usage: agentUsage, ttftMs, durationMs, finishReason, maxOutputTokens } = outcome;
        emit({
          type: "agent-finished",
          ...{ layer, agent: i, text, usage: agentUsage, ttftMs, durationMs, finishReason, maxOutputTokens },
          ...(outcome.reasoning && { reasoning: outcome.reasoning }),
        });
        tracker.onAgentFinished(finishedCount);
      } else if (outcome.status === "failed") {
        states[i] = "failed";
        firstFailure ??= outcome.failure.message;
        const { kind, message, retryable } = outcome.failure;
        emit({ type: "agent-failed", layer, agent: i, kind, message, retryable, partialText: outcome.partialText });
      } else {
        states[i] = "skipped";
        emit({ type: "agent-skipped", layer, agent: i, reason: "stopped", partialText: outcome.partialText });
      }
      checkDone();
    });
  });

  await layerDone;
  tracker.dispose();
  // Skipped and cancelled agents wind down promptly (they race their abort), so nothing outlives the layer.
  await Promise.allSettled(handles.map((h) => h.outcome));
  runSignal.removeEventListener("abort", abortAll);
  runSignal.removeEventListener("abort", checkDone);
  if (runSignal.aborted) return { status: "cancelled" };

  emit({
    type: "layer-finished",
    layer,
    succeeded: states.filter((s) => s === "finished").length,
    failed: states.filter((s) => s === "failed").length,
    skipped: states.filter((s) => s === "skipped").length,
    durationMs: Math.max(0, Math.round(input.now() - startedAt)),
  });
  const done = answers.flatMap((a, i) => (a === undefined ? [] : [i]));
  return { status: "done", answers: done.map((i) => answers[i]!), agents: done, reasoning: done.map((i) => reasoning[i]), usage, firstFailure };
}
