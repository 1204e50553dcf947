import type { LanguageModel } from "ai";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";

export interface RunMeasure {
  wallMs: number;
  /** When the final aggregator's first token arrived, from the start of the run. */
  finalTtftMs: number;
  events: RunEvent[];
  outcome: RunEvent["type"];
}

let counter = 0;

export async function measureRun(config: MoAConfig, resolveModel: (id: string) => LanguageModel, prompt = "Explain how vaccines train the immune system."): Promise<RunMeasure> {
  const started = performance.now();
  const lastLayer = config.layers.length - 1;
  let finalTtftMs = Number.NaN;
  const events: RunEvent[] = [];
  for await (const event of runMoA(config, [{ role: "user", content: prompt }], { runId: `bench-${counter++}`, resolveModel })) {
    if (event.type === "agent-delta" && event.layer === lastLayer && Number.isNaN(finalTtftMs)) finalTtftMs = performance.now() - started;
    events.push(event);
  }
  return { wallMs: performance.now() - started, finalTtftMs, events, outcome: events.at(-1)?.type ?? "run-failed" };
}

export const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const fmtRatio = (r: number) => r.toFixed(3);
