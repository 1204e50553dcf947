import type { MoAConfig } from "@/lib/moa/config";
import type { RunEvent, RunEventBody } from "@/lib/moa/events";

export const CONFIG: MoAConfig = {
  layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }],
};

/** Stamps envelopes (runId, seq, t) onto event bodies, 10 ms apart. */
export function stamp(runId: string, bodies: RunEventBody[], startSeq = 0): RunEvent[] {
  return bodies.map((body, i) => ({ ...body, runId, seq: startSeq + i, t: (startSeq + i) * 10 }) as RunEvent);
}

const usage = { inputTokens: 10, outputTokens: 5 };

/** A whole successful run: two proposers stream, the aggregator answers "Final.". */
export function finishedRun(runId = "run-1", prompt = "Hi"): RunEvent[] {
  return stamp(runId, [
    { type: "run-started", config: CONFIG, messages: [{ role: "user", content: prompt }] },
    { type: "layer-started", layer: 0 },
    { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
    { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
    { type: "agent-delta", layer: 0, agent: 0, text: "Hel" },
    { type: "agent-delta", layer: 0, agent: 1, text: "Bon" },
    { type: "agent-delta", layer: 0, agent: 0, text: "lo" },
    { type: "agent-finished", layer: 0, agent: 0, text: "Hello", usage, ttftMs: 20, durationMs: 50 },
    { type: "agent-finished", layer: 0, agent: 1, text: "Bonjour", usage, ttftMs: 20, durationMs: 60 },
    { type: "layer-finished", layer: 0, succeeded: 2, failed: 0, skipped: 0, durationMs: 60 },
    { type: "layer-started", layer: 1 },
    { type: "agent-started", layer: 1, agent: 0, model: "sim:owl" },
    { type: "agent-delta", layer: 1, agent: 0, text: "Final." },
    { type: "agent-finished", layer: 1, agent: 0, text: "Final.", usage, ttftMs: 10, durationMs: 20 },
    { type: "layer-finished", layer: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 20 },
    { type: "run-finished", text: "Final.", usage: { inputTokens: 30, outputTokens: 15 }, durationMs: 150 },
  ]);
}

/** A manual frame scheduler: frames run only when the test calls `tick()`. */
export function manualScheduler() {
  let queued: (() => void)[] = [];
  return {
    request(cb: () => void) {
      queued.push(cb);
      return cb;
    },
    cancel(handle: unknown) {
      queued = queued.filter((cb) => cb !== handle);
    },
    tick() {
      const run = queued;
      queued = [];
      run.forEach((cb) => cb());
    },
    get scheduled() {
      return queued.length;
    },
  };
}
