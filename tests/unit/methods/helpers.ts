import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { simulateReadableStream, type LanguageModel } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { AgentConfig, MoAConfig } from "@/lib/moa/config";
import type { RunEvent } from "@/lib/moa/events";
import { findAnswerSpans } from "@/lib/moa/synthesis";
import { SimEmbeddingModel } from "@/lib/providers/sim/sim-embedding";
import { SimLanguageModel } from "@/lib/providers/sim/sim-model";
import { streamParts } from "../moa/helpers";

export interface Call {
  model: string;
  system: string;
  user: string;
}

const textOf = (options: LanguageModelV3CallOptions, role: string) =>
  options.prompt
    .filter((m) => m.role === role)
    .map((m) => (typeof m.content === "string" ? m.content : m.content.map((p) => ("text" in p ? p.text : "")).join("")))
    .join("\n");

/** Sim models that record every call's prompt, at a speed where a run takes milliseconds. */
export function recordingSim() {
  const calls: Call[] = [];
  const env = { MOA_SIM_SPEED: "1000000" };
  const resolveModel = (id: string): LanguageModel => {
    const sim = new SimLanguageModel(id, { env });
    return new MockLanguageModelV3({
      doStream: async (options) => {
        calls.push({ model: id, system: textOf(options, "system"), user: textOf(options, "user") });
        return sim.doStream(options);
      },
    });
  };
  return { calls, resolveModel, resolveEmbeddingModel: (id: string) => new SimEmbeddingModel(id) };
}

/** A model whose reply is a function of its prompt (system text, user text). */
export function replyModel(reply: (system: string, user: string) => string, calls: Call[] = [], id = "mock") {
  return new MockLanguageModelV3({
    doStream: async (options) => {
      const [system, user] = [textOf(options, "system"), textOf(options, "user")];
      calls.push({ model: id, system, user });
      return { stream: simulateReadableStream({ chunks: streamParts([reply(system, user)]), initialDelayInMs: null, chunkDelayInMs: null }) };
    },
  });
}

/** How many fenced answers a prompt carries (in its system or user text). */
export const answersIn = (call: Call) => findAnswerSpans(call.system).length || findAnswerSpans(call.user).length;

export const agents = (...models: string[]): AgentConfig[] => models.map((model) => ({ model }));

export const SIX = ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((m) => `sim:${m}`);

export function board(layers: number, proposers = SIX, final = "sim:owl"): MoAConfig {
  const rows = [{ agents: agents(...proposers) }];
  for (let i = 1; i < layers - 1; i++) rows.push({ agents: agents(...proposers) });
  return { layers: [...rows, { agents: agents(final) }] };
}

export function finished(events: RunEvent[]) {
  const end = events.at(-1);
  if (end?.type !== "run-finished") throw new Error(`run ended with ${end?.type}: ${JSON.stringify(end)}`);
  return end;
}

export const steps = (events: RunEvent[]) => events.filter((e): e is Extract<RunEvent, { type: "method-step" }> => e.type === "method-step");
/** The finished answers of a layer by agent index (agents finish in any order). */
export const texts = (events: RunEvent[], layer: number) =>
  events
    .filter((e): e is Extract<RunEvent, { type: "agent-finished" }> => e.type === "agent-finished" && e.layer === layer)
    .sort((a, b) => a.agent - b.agent)
    .map((e) => e.text);
