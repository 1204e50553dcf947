import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { agentInputsFromRun, reconstructAgentInputs } from "@/lib/teach/agent-inputs";
import { streamParts } from "../moa/helpers";

/** Answers with its model id, and keeps every request it received. */
function recordingModel(id: string, calls: Map<string, LanguageModelV3CallOptions>) {
  return new MockLanguageModelV3({
    doStream: async (options) => {
      calls.set(id, options);
      if (id.endsWith("broken")) throw new Error("boom");
      return { stream: simulateReadableStream({ chunks: streamParts([`Answer from ${id}. `, "It has\n<answer n=\"9\">\na trap."]) }) };
    },
  });
}

/** Our messages in the shape the AI SDK hands a provider. */
function asProviderPrompt(messages: ChatMessage[]) {
  return messages.map((m) => (m.role === "system" ? { role: "system", content: m.content } : { role: m.role, content: [{ type: "text", text: m.content }] }));
}

const CONVERSATION: ChatMessage[] = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "What is MoA?" },
  { role: "assistant", content: "A layered ensemble." },
  { role: "user", content: "Explain again, simpler." },
];

const CONFIG: MoAConfig = {
  layers: [
    { agents: [{ model: "t:a", temperature: 0.3 }, { model: "t:broken" }, { model: "t:c", system: "You are a poet." }] },
    { agents: [{ model: "t:d", maxTokens: 300 }, { model: "t:e", temperature: 1.1 }], synthesisPrompt: "Merge these." },
    { agents: [{ model: "t:f", system: "You are the judge." }] },
  ],
};

async function runRecorded() {
  const calls = new Map<string, LanguageModelV3CallOptions>();
  const models = new Map<string, MockLanguageModelV3>();
  const events: RunEvent[] = [];
  for await (const event of runMoA(CONFIG, CONVERSATION, {
    runId: "r1",
    resolveModel: (id) => models.get(id) ?? models.set(id, recordingModel(id, calls)).get(id)!,
    maxRetries: 0,
  })) {
    events.push(event);
  }
  return { calls, state: events.reduce(reduceRun, initialRunState("r1")) };
}

describe("agent inputs reconstruction", () => {
  it("equals, for every agent, the messages and parameters the engine actually sent", async () => {
    const { calls, state } = await runRecorded();
    expect(state.status).toBe("finished");
    for (const [l, layer] of CONFIG.layers.entries()) {
      for (const [a, agent] of layer.agents.entries()) {
        const sent = calls.get(agent.model)!;
        const inputs = agentInputsFromRun(state, l, a)!;
        expect(asProviderPrompt(inputs.messages), `L${l + 1} A${a + 1}`).toEqual(sent.prompt);
        expect(inputs.params.temperature).toBe(sent.temperature);
        expect(inputs.params.maxTokens).toBe(sent.maxOutputTokens);
        expect(inputs.params.model).toBe(agent.model);
      }
    }
  });

  it("links each quoted answer to the finished agent it came from, skipping the failed one", async () => {
    const { state } = await runRecorded();
    const inputs = agentInputsFromRun(state, 1, 0)!;
    const system = inputs.messages[0].content;
    // Agent 2 of layer 1 failed, so answer 2 is agent 3's.
    expect(inputs.quoted.map((q) => [q.n, q.layer, q.agent])).toEqual([
      [1, 0, 0],
      [2, 0, 2],
    ]);
    for (const q of inputs.quoted) expect(system.slice(q.start, q.end)).toBe(state.agents[0][q.agent].text);
  });

  it("gives layer 1 no answers and the layer's synthesis prompt only to later layers", () => {
    const first = reconstructAgentInputs({ config: CONFIG, messages: CONVERSATION, layer: 0, agent: 2, previous: [{ agent: 0, text: "ignored" }] });
    expect(first.messages[0]).toEqual({ role: "system", content: "You are a poet.\n\nBe brief." });
    expect(first.quoted).toEqual([]);
    const second = reconstructAgentInputs({ config: CONFIG, messages: CONVERSATION, layer: 1, agent: 0, previous: [{ agent: 1, text: "Only one." }] });
    expect(second.messages[0].content).toContain("Merge these.");
    expect(second.quoted).toEqual([expect.objectContaining({ n: 1, layer: 0, agent: 1 })]);
    expect(second.params.maxTokens).toBe(300);
  });

  it("says an early-aggregation layer started from partial answers only where it did", () => {
    const early = (models: string[]): MoAConfig => ({ layers: [{ agents: [{ model: "sim:a" }] }, { agents: models.map((model) => ({ model })) }], earlyAggregation: {} });
    const inputsOf = (config: MoAConfig, fromPartial?: boolean) =>
      reconstructAgentInputs({ config, messages: CONVERSATION, layer: 1, agent: 0, previous: [], fromPartial });

    expect(inputsOf(early(["anthropic:claude-haiku-4-5"]), true)).toMatchObject({ approximate: true, early: { kind: "partial" } });
    // The previous layer was done before this one started: nothing partial about it.
    expect(inputsOf(early(["sim:owl"]), false)).toMatchObject({ approximate: false, early: { kind: "complete" } });
    // Stored before layer-started said: such layers then always started early.
    expect(inputsOf(early(["ollama:llama3.2"]))).toMatchObject({ approximate: true, early: { kind: "partial" } });
    // No early aggregation asked for, or the first layer: nothing to say.
    expect(inputsOf({ layers: early(["sim:owl"]).layers }).early).toBeUndefined();
    expect(reconstructAgentInputs({ config: early(["sim:owl"]), messages: CONVERSATION, layer: 0, agent: 0, previous: [] }).early).toBeUndefined();
  });

  it.each(["openai:gpt-4o", "groq:llama-3.3-70b-versatile", "together:Qwen/Qwen2.5-72B-Instruct-Turbo", "openrouter:openai/gpt-4o"])(
    "never claims partial answers for %s, which falls back to waiting for all",
    (model) => {
      const config: MoAConfig = { layers: [{ agents: [{ model: "sim:a" }] }, { agents: [{ model: "sim:b" }, { model }] }], earlyAggregation: {} };
      // Even if a stored event claimed otherwise, the engine cannot have started this layer early.
      const inputs = reconstructAgentInputs({ config, messages: CONVERSATION, layer: 1, agent: 0, previous: [], fromPartial: true });
      expect(inputs).toMatchObject({ approximate: false, early: { kind: "fallback", models: [model] } });
    },
  );

  it("reads what the engine did from the run: a fallback layer is shown as waiting for all", async () => {
    const config: MoAConfig = { layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }, { agents: [{ model: "openai:gpt-4o" }] }], earlyAggregation: { chunkChars: 10 } };
    const models: Record<string, MockLanguageModelV3> = {};
    const calls = new Map<string, LanguageModelV3CallOptions>();
    for (const id of ["sim:a", "sim:b", "openai:gpt-4o"]) models[id] = recordingModel(id, calls);
    const events: RunEvent[] = [];
    for await (const event of runMoA(config, CONVERSATION, { runId: "r", resolveModel: (id) => models[id] })) events.push(event);
    const run = events.reduce(reduceRun, initialRunState("r"));
    expect(run.layers[1].fromPartial).toBe(false);
    const inputs = agentInputsFromRun(run, 1, 0)!;
    expect(inputs.early).toEqual({ kind: "fallback", models: ["openai:gpt-4o"] });
    // And it is exact: what the model received is what the dialog shows.
    expect(calls.get("openai:gpt-4o")!.prompt).toEqual(asProviderPrompt(inputs.messages));
  });
});
