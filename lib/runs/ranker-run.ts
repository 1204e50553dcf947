import "server-only";
import { AppError } from "@/lib/errors";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { runMoA, type EngineDeps } from "@/lib/moa/engine";
import { eventBody, stampEvent, type RunEvent, type RunEventBody, type Usage } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { buildRankerMessages, parseRankerChoice } from "@/lib/moa/variants";

/** A ranker needs answers to pick from: at least one layer before the final agent. */
export function assertRankable(config: MoAConfig): void {
  if (config.layers.length < 2) {
    throw new AppError("bad_request:variant", "The LLM-Ranker needs at least two layers: answers to pick from and the ranker.");
  }
}

/** Shown in the ranker's column when its reply names no usable candidate. */
export function fallbackNote(reason: string): string {
  return `\n\n— Could not read a choice (${reason}); the run answers with candidate 1.`;
}

/**
 * The LLM-Ranker baseline as a run: every layer but the last runs as usual; the final agent
 * then reads the same candidates but only names the best one, and the run's answer is that
 * candidate verbatim. Two engine runs are stitched into one event stream with the full
 * config in run-started, gapless seqs and a non-decreasing t, so viewers see one ordinary run
 * whose last column shows the ranker's raw reply.
 */
export async function* runRanker(config: MoAConfig, messages: ChatMessage[], deps: EngineDeps): AsyncGenerator<RunEvent, void, undefined> {
  const now = deps.now ?? (() => performance.now());
  const startedAt = now();
  const finalLayer = config.layers.length - 1;
  let seq = 0;
  let lastT = 0;
  const out = (body: RunEventBody, innerT?: number): RunEvent => {
    lastT = Math.max(lastT, innerT ?? Math.round(now() - startedAt));
    return stampEvent(body, { runId: deps.runId, seq: seq++, t: lastT });
  };

  // Stage 1: the candidates. The engine does not validate, so a config whose last layer has
  // several agents runs fine; run-started is rewritten to announce the whole config.
  const proposing: MoAConfig = { ...config, layers: config.layers.slice(0, finalLayer) };
  let state = initialRunState(deps.runId);
  let usage: Usage = { inputTokens: 0, outputTokens: 0 };
  for await (const event of runMoA(proposing, messages, deps)) {
    state = reduceRun(state, event);
    if (event.type === "run-started") {
      yield out({ type: "run-started", config, messages }, event.t);
    } else if (event.type === "run-finished") {
      usage = event.usage;
    } else {
      yield out(eventBody(event), event.t);
      if (event.type === "run-failed" || event.type === "run-cancelled") return;
    }
  }
  const candidates = (state.agents[finalLayer - 1] ?? []).filter((a) => a.status === "done").map((a) => a.text);

  // Stage 2: the ranker, as a one-agent run shifted to the final layer.
  const { system: _own, ...ranker } = config.layers[finalLayer].agents[0];
  const rankerRun = runMoA({ layers: [{ agents: [ranker] }] }, buildRankerMessages(messages, candidates), deps);
  for await (const event of rankerRun) {
    if (event.type === "run-started") continue;
    if (event.type === "run-finished") {
      const choice = parseRankerChoice(event.text, candidates.length);
      const text = "index" in choice ? candidates[choice.index] : candidates[0];
      const total = {
        inputTokens: usage.inputTokens + event.usage.inputTokens,
        outputTokens: usage.outputTokens + event.usage.outputTokens,
      };
      yield out({ type: "run-finished", text: text ?? "", usage: total, durationMs: Math.max(0, Math.round(now() - startedAt)) });
      return;
    }
    const body = eventBody(event);
    if (event.type === "run-failed") {
      yield out({ type: "run-failed", message: event.message.replace(/^Layer 1:/, `Layer ${finalLayer + 1}:`) });
      return;
    }
    if (event.type === "agent-finished") {
      const choice = parseRankerChoice(event.text, candidates.length);
      if ("error" in choice) {
        // The note is part of the column's text, never of the run's answer.
        const note = fallbackNote(choice.error);
        yield out({ type: "agent-delta", layer: finalLayer, agent: 0, text: note });
        yield out({ ...eventBody(event), layer: finalLayer, text: event.text + note });
        continue;
      }
    }
    yield out("layer" in body ? { ...body, layer: finalLayer } : body);
    if (event.type === "run-cancelled") return;
  }
}
