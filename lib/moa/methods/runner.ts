import { embedMany } from "ai";
import { untilAborted } from "../abortable";
import { startAgent, type AgentTiming } from "../agent-runner";
import type { AgentConfig, MoAConfig } from "../config";
import type { ChatMessage } from "../conversation";
import type { EngineDeps } from "../engine-deps";
import { harnessBatches } from "../run-harness";
import type { RunEvent, Usage } from "../events";
import { runLayer } from "../layer-runner";
import { buildAgentMessages } from "../synthesis";
import type { Answer, CallResult, MethodContext, Strategy } from "./strategy";

const add = (a: Usage, b: Usage | undefined): Usage =>
  b ? { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens } : a;


/**
 * Runs a board under a method's strategy: the same layers and agents (so the same events) as
 * plain MoA, one layer after the other, with the method choosing each layer's inputs and
 * prompt, its extra calls reported as `method-step` events, and the run's answer.
 */
export async function* runStrategyBatches(
  strategy: Strategy,
  config: MoAConfig,
  messages: ChatMessage[],
  deps: EngineDeps,
  timing: AgentTiming,
): AsyncGenerator<RunEvent[], void, undefined> {
  let usage: Usage = { inputTokens: 0, outputTokens: 0 };
  return yield* harnessBatches(deps, "moa method", async ({ now, startedAt, controller, emit, end, cancelReason }) => {
    const ctx: MethodContext = {
      config,
      messages,
      signal: controller.signal,
      answers: [],
      inputs: [],
      lastRan: (index) => {
        for (let i = index - 1; i >= 0; i--) if (ctx.answers[i]) return i;
        return 0;
      },
      call: async (agent, callMessages) => {
        const agentConfig: AgentConfig = typeof agent === "string" ? { model: agent } : agent;
        const handle = startAgent({
          layer: 0,
          agent: 0,
          config: agentConfig,
          messages: callMessages,
          resolveModel: deps.resolveModel,
          signal: controller.signal,
          emit: () => {},
          now,
          timing,
        });
        const outcome = await handle.outcome;
        if (outcome.status === "finished") return { ok: true, text: outcome.text, usage: outcome.usage } satisfies CallResult;
        return { ok: false, error: outcome.status === "failed" ? outcome.failure.message : "stopped" } satisfies CallResult;
      },
      embed: async (modelId, values) => {
        if (!deps.resolveEmbeddingModel) throw new Error("this server has no embedding models");
        const result = await embedMany({ model: deps.resolveEmbeddingModel(modelId), values, abortSignal: controller.signal, maxRetries: 1 });
        return { embeddings: result.embeddings, tokens: result.usage?.tokens ?? 0 };
      },
      step: (body) => {
        usage = add(usage, body.usage);
        emit({ type: "method-step", ...body });
      },
    };

    const skipLayer = (index: number, reason: string) => {
      const agents = config.layers[index].agents;
      agents.forEach((_, agent) => emit({ type: "agent-skipped", layer: index, agent, reason, partialText: "" }));
      emit({ type: "layer-finished", layer: index, succeeded: 0, failed: 0, skipped: agents.length, durationMs: 0 });
    };

      emit({ type: "run-started", config, messages });
      let finalText = "";
      for (const [index, layer] of config.layers.entries()) {
        if (controller.signal.aborted) break;
        if (deps.beforeLayer && index > 0) {
          emit({ type: "layer-paused", layer: index });
          await untilAborted(deps.beforeLayer(index), controller.signal);
          if (controller.signal.aborted) break;
        }
        const plan = index > 0 && strategy.plan ? await strategy.plan(index, ctx) : {};
        if (controller.signal.aborted) break;
        if (plan.skip) {
          skipLayer(index, plan.skip);
          continue;
        }
        const inputs: Answer[] = index === 0 ? [] : (plan.inputs ?? ctx.answers[ctx.lastRan(index)] ?? []);
        ctx.inputs[index] = inputs;
        const result = await runLayer({
          index,
          layer,
          conversation: messages,
          previousAnswers: inputs.map((a) => a.text),
          runSignal: controller.signal,
          emit,
          now,
          resolveModel: deps.resolveModel,
          timing,
          buildMessages: plan.messages ?? ((agent, answers) => buildAgentMessages({ conversation: messages, agentSystem: agent.system, previousAnswers: answers, synthesisPrompt: layer.synthesisPrompt })),
        });
        if (result.status === "cancelled") break;
        usage = add(usage, result.usage);
        if (result.answers.length === 0) {
          const count = layer.agents.length;
          const all = count === 1 ? "its only agent failed" : `all ${count} agents failed`;
          return end({ type: "run-failed", message: `Layer ${index + 1}: ${all} (first: ${result.firstFailure ?? "no answer"})` });
        }
        ctx.answers[index] = result.answers.map((text, i) => ({ ref: { layer: index, agent: result.agents[i] }, text }));
        finalText = result.answers[0];
      }
      if (controller.signal.aborted) return end({ type: "run-cancelled", reason: cancelReason() });
      const text = strategy.finish ? await strategy.finish(finalText, ctx) : finalText;
      if (controller.signal.aborted) return end({ type: "run-cancelled", reason: cancelReason() });
      end({ type: "run-finished", text, usage, durationMs: Math.max(0, Math.round(now() - startedAt)) });
  });
}
