import type { LanguageModel } from "ai";
import { runMoA, type EngineDeps } from "@/lib/moa/engine";
import type { MoAConfig } from "@/lib/moa/config";
import type { EventOf, RunEvent } from "@/lib/moa/events";
import { createModelResolver } from "@/lib/providers/registry";

/** Short engine timeouts, so a fault that is not handled shows up as a slow test, not a slow run. */
export const FAST_TIMING = {
  agentTimeoutMs: 6_000,
  // Short, yet long enough that a healthy agent on a busy CI machine is never cut off.
  firstTokenTimeoutMs: 1_200,
  stallTimeoutMs: 1_200,
  maxRetries: 2,
  retryBaseDelayMs: 20,
  maxRetryDelayMs: 1_500,
} satisfies Partial<EngineDeps>;

export const PROMPT = [{ role: "user" as const, content: "Why do layered agents answer better?" }];

/** `compat:*` through the real openai-compatible provider, pointed at `baseUrl`. */
export function compatResolver(baseUrl: string): (id: string) => LanguageModel {
  return createModelResolver({ env: { OPENAI_COMPATIBLE_BASE_URL: baseUrl } });
}

/** Layer 1 = the given proposers, layer 2 = one aggregator. */
export function twoLayers(proposers: string[], aggregator: string): MoAConfig {
  return { layers: [{ agents: proposers.map((model) => ({ model })) }, { agents: [{ model: aggregator }] }] };
}

export async function collectRun(config: MoAConfig, resolveModel: EngineDeps["resolveModel"], extra: Partial<EngineDeps> = {}) {
  const events: RunEvent[] = [];
  const started = Date.now();
  for await (const event of runMoA(config, PROMPT, { runId: "hardening", resolveModel, ...FAST_TIMING, ...extra })) events.push(event);
  return { events, wallMs: Date.now() - started };
}

export function ofType<T extends RunEvent["type"]>(events: RunEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

export function agentEvent<T extends RunEvent["type"]>(events: RunEvent[], type: T, layer: number, agent: number): EventOf<T> | undefined {
  return ofType(events, type).find((e) => "layer" in e && e.layer === layer && "agent" in e && e.agent === agent);
}

export async function waitFor(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
