import { untilAborted } from "./abortable";
import { DEFAULT_TIMING, type AgentTiming } from "./agent-runner";
import type { EngineDeps } from "./engine-deps";
import type { MoAConfig } from "./config";
import type { ChatMessage } from "./conversation";
import { harnessBatches, oneByOne } from "./run-harness";
import type { RunEvent, RunEventBody, Usage } from "./events";
import { runLayer, type LayerResult } from "./layer-runner";
import { createLayerWatch, createPulse, waitFor } from "./layer-watch";
import { runStrategyBatches } from "./methods/runner";
import { strategyFor } from "./methods/strategies";
import { aggregatesEarly, DEFAULT_CHUNK_CHARS } from "./prefix-continuation";
import { addUsage, emptyUsage } from "./usage";

export type { EngineDeps };


function timingFrom(deps: EngineDeps): AgentTiming {
  // `??` rather than spread: callers pass explicit undefined for "use the default".
  return {
    agentTimeoutMs: deps.agentTimeoutMs ?? DEFAULT_TIMING.agentTimeoutMs,
    firstTokenTimeoutMs: deps.firstTokenTimeoutMs ?? DEFAULT_TIMING.firstTokenTimeoutMs,
    stallTimeoutMs: deps.stallTimeoutMs ?? DEFAULT_TIMING.stallTimeoutMs,
    maxRetries: deps.maxRetries ?? DEFAULT_TIMING.maxRetries,
    retryBaseDelayMs: deps.retryBaseDelayMs ?? DEFAULT_TIMING.retryBaseDelayMs,
    maxRetryDelayMs: deps.maxRetryDelayMs ?? DEFAULT_TIMING.maxRetryDelayMs,
  };
}

/**
 * Runs a Mixture-of-Agents configuration and yields its events, ending with exactly one of
 * run-finished, run-failed or run-cancelled. Stopping the iteration early aborts every request.
 */
export function runMoA(config: MoAConfig, messages: ChatMessage[], deps: EngineDeps): AsyncGenerator<RunEvent, void, undefined> {
  return oneByOne(runMoABatches(config, messages, deps));
}

/**
 * `runMoA`'s events in the batches they were emitted in (whatever came due in one turn of the
 * event loop): the run manager takes a batch at a time, which under load is most of its saving.
 */
export async function* runMoABatches(config: MoAConfig, messages: ChatMessage[], deps: EngineDeps): AsyncGenerator<RunEvent[], void, undefined> {
  // A method other than the paper's runs its layers one by one under its strategy (lib/moa/methods).
  const strategy = strategyFor(config);
  if (strategy) return yield* runStrategyBatches(strategy, config, messages, deps, timingFrom(deps));

  return yield* harnessBatches(deps, "moa engine", async ({ now, startedAt, controller, emit, end, isEnded, cancelReason }) => {
      emit({ type: "run-started", config, messages });
      const timing = timingFrom(deps);
      const usage: Usage = emptyUsage();
      const early = config.earlyAggregation;
      const chunkChars = early?.chunkChars ?? DEFAULT_CHUNK_CHARS;
      const watches = config.layers.map((layer) => createLayerWatch(layer.agents.length));
      const pulse = createPulse();
      // Only early aggregation needs a live view of the answers; normal runs keep the plain emit.
      const layerEmit = early
        ? (body: RunEventBody) => {
            emit(body);
            if ("agent" in body) watches[body.layer]?.observe(body);
            pulse.notify();
          }
        : emit;
      const staircase = (index: number) => aggregatesEarly(config, index);

      const results: Promise<LayerResult>[] = [];
      const settled: Array<LayerResult | undefined> = [];
      let answers: string[] = [];
      let reasoning: string[] = [];
      let folded = 0;
      let stopped = false;
      // Layers are folded in order; the first that was cancelled or ended without answers stops the run.
      const fold = (result: LayerResult, index: number) => {
        folded = index + 1;
        if (result.status === "cancelled") return (stopped = true);
        addUsage(usage, result.usage);
        if (result.answers.length === 0) {
          const count = config.layers[index].agents.length;
          const all = count === 1 ? "its only agent failed" : `all ${count} agents failed`;
          end({ type: "run-failed", message: `Layer ${index + 1}: ${all} (first: ${result.firstFailure ?? "no answer"})` });
          // Later layers may already be streaming from this one: stop them.
          controller.abort(new Error("the run failed"));
          return (stopped = true);
        }
        answers = result.answers;
        reasoning = result.reasoning;
        return false;
      };
      const foldSettled = () => {
        while (!stopped && folded < results.length && settled[folded]) fold(settled[folded]!, folded);
      };

      for (const [index, layer] of config.layers.entries()) {
        if (controller.signal.aborted || stopped) break;
        if (staircase(index)) {
          const watch = watches[index - 1];
          const ready = () => watch.answers().some((a) => a !== "") && watch.advanced([], chunkChars);
          while (!ready() && !stopped && !controller.signal.aborted) {
            await waitFor(ready, pulse, controller.signal, Promise.race(results.slice(folded)));
            foldSettled();
          }
        } else {
          while (!stopped && folded < index) fold(await results[folded], folded);
        }
        if (controller.signal.aborted || stopped) break;
        if (deps.beforeLayer && index > 0) {
          emit({ type: "layer-paused", layer: index });
          await untilAborted(deps.beforeLayer(index), controller.signal);
          foldSettled();
          if (controller.signal.aborted || stopped) break;
        }
        const result = runLayer({
          index,
          layer,
          conversation: messages,
          previousAnswers: answers,
          previousReasoning: reasoning,
          runSignal: controller.signal,
          emit: layerEmit,
          now,
          resolveModel: deps.resolveModel,
          timing,
          upstream: staircase(index) ? { watch: watches[index - 1], pulse, chunkChars } : undefined,
        });
        results.push(result);
        void result.then((r) => (settled[index] = r));
      }
      while (!stopped && folded < results.length) fold(await results[folded], folded);
      if (isEnded()) return;
      if (controller.signal.aborted || stopped) return end({ type: "run-cancelled", reason: cancelReason() });
      end({ type: "run-finished", text: answers[0] ?? "", usage, durationMs: Math.max(0, Math.round(now() - startedAt)) });
  });
}
