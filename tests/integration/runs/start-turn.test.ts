/**
 * A run's engine starts in a later turn of the event loop than the request that created it
 * (lib/runs/process/start-queue.ts). Whatever reaches the run in between must still count.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
  delete process.env.MOA_SIM_SPEED;
});

/** When each run's engine was asked for, in turns of the event loop counted by the test. */
const engineStarts = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/runs/engine-thread/host", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/runs/engine-thread/host")>();
  return {
    ...actual,
    engineBatches: (...args: Parameters<typeof actual.engineBatches>) => {
      engineStarts.count += 1;
      return actual.engineBatches(...args);
    },
  };
});

import { followRun } from "@/lib/runs/follow";
import { registry } from "@/lib/runs/process/registry";
import { openEventStream, runStored, startRun, stopRun } from "@/lib/runs/run-manager";

const PROMPT = [{ role: "user" as const, content: "Why is the sky blue?" }];
const SLOW = { layers: [{ agents: [{ model: "sim:falcon?ttft=0&tps=1&tokens=500" }, { model: "sim:heron?ttft=0&tps=1&tokens=500" }] }] };

afterAll(async () => {
  for (const live of registry.liveRuns.values()) live.controller.abort("test over");
  await Promise.all(registry.executions.values());
});

describe("a run between its request and its engine's start", () => {
  it("answers before the engine starts; runs started together start one per later turn", async () => {
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const before = engineStarts.count;
    const started = await Promise.all([0, 1, 2].map(() => startRun({ config: SLOW, messages: PROMPT })));
    expect(engineStarts.count - before).toBe(0);
    for (let n = 1; n <= 3; n++) {
      await turn();
      expect(engineStarts.count - before).toBe(n);
    }
    const id = started[0].id;
    const events = await openEventStream(id, -1, new AbortController().signal);
    const iterator = events[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.type).toBe("run-started");
    await iterator.return?.();
    await Promise.all(started.map((run) => stopRun(run.id)));
  });

  it("a cancel in the same turn as the start ends the run cancelled, with no agent started", async () => {
    const { id } = await startRun({ config: SLOW, messages: PROMPT });
    const stopped = stopRun(id);
    const { state, end } = await followRun(id, new AbortController().signal);
    await stopped;
    await runStored(id);
    expect(end?.type).toBe("run-cancelled");
    expect(state.status).toBe("cancelled");
    expect(state.agents.flat().filter((a) => a.text.length > 0)).toEqual([]);
  });
});
