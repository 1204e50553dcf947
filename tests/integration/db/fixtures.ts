import { randomBytes } from "node:crypto";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";
import type { NewRun } from "@/lib/runs/run-store";

export const newRunId = () => randomBytes(16).toString("base64url");
export const ownerHash = (label: string) => `${label.padEnd(8, "0")}${randomBytes(24).toString("hex")}`;

/** The paper's headline set-up: 6 proposers, a second layer of 6, one final aggregator. */
export function config3x6(): MoAConfig {
  const six = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx", "sim:ibis", "sim:marten"].map((model) => ({ model }));
  return { layers: [{ agents: six }, { agents: six }, { agents: [{ model: "sim:falcon" }] }] };
}

export function smallConfig(): MoAConfig {
  return { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }] };
}

export const messages: ChatMessage[] = [
  { role: "user", content: "Say hi" },
  { role: "assistant", content: "Hi!" },
  { role: "user", content: "Explain   mixture-of-agents\nin two sentences." },
];

export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    id: newRunId(),
    ownerSecretHash: ownerHash("owner"),
    config: smallConfig(),
    messages,
    createdAt: new Date(),
    ...overrides,
  };
}

/** Stamps bodies with the envelope the engine adds: gapless seq, rising t. */
export function stamp(runId: string, bodies: RunEventBody[], startSeq = 0, startT = 0): RunEvent[] {
  return bodies.map((body, i) => ({ ...body, runId, seq: startSeq + i, t: startT + i * 5 }) as RunEvent);
}

const WORDS = ["layers", " of", " agents", " refine", " each", " other's", " answers", " into", " one", " better", " reply", "."];

/** ~4 characters per token, like the deltas a real model streams. */
export function tokens(count: number, salt = 0): string[] {
  return Array.from({ length: count }, (_, i) => WORDS[(i + salt) % WORDS.length]);
}

/**
 * The events of a complete run: every agent streams `tokensPerAgent` deltas, finishes, and
 * the final aggregator's text becomes the run's answer.
 */
export function completeRunBodies(config: MoAConfig, tokensPerAgent: number): RunEventBody[] {
  const bodies: RunEventBody[] = [{ type: "run-started", config, messages }];
  let finalText = "";
  config.layers.forEach((layer, l) => {
    bodies.push({ type: "layer-started", layer: l });
    layer.agents.forEach((a, i) => bodies.push({ type: "agent-started", layer: l, agent: i, model: a.model }));
    const texts = layer.agents.map((_, i) => tokens(tokensPerAgent, l * 7 + i));
    // Interleaved, as concurrent streams arrive.
    for (let k = 0; k < tokensPerAgent; k++) {
      texts.forEach((t, i) => bodies.push({ type: "agent-delta", layer: l, agent: i, text: t[k] }));
    }
    texts.forEach((t, i) => {
      const text = t.join("");
      finalText = text;
      bodies.push({
        type: "agent-finished",
        layer: l,
        agent: i,
        text,
        usage: { inputTokens: 100 + l * 1500, outputTokens: tokensPerAgent },
        ttftMs: 300 + i,
        durationMs: 4000 + i,
      });
    });
    bodies.push({ type: "layer-finished", layer: l, succeeded: layer.agents.length, failed: 0, skipped: 0, durationMs: 4100 });
  });
  const agentCount = config.layers.reduce((n, layer) => n + layer.agents.length, 0);
  bodies.push({
    type: "run-finished",
    text: finalText,
    usage: { inputTokens: 0, outputTokens: agentCount * tokensPerAgent },
    durationMs: 12_500,
  });
  return bodies;
}
