import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import type { RunEvent } from "@/lib/moa/events";
import { type EngineRun, engineBatches } from "@/lib/runs/engine-thread/host";
// @ts-expect-error: a build script in plain JavaScript
import { buildEngineThread } from "@/scripts/build-engine-thread.mjs";

/**
 * The engine thread as `next start` uses it: the bundle is built here from the sources, and the
 * same runs go through it and through the in-process engine.
 */
let dir: string;
let threadFile: string;
const savedSpeed = process.env.MOA_SIM_SPEED;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "moa-engine-thread-"));
  threadFile = await buildEngineThread(path.join(dir, "engine-thread.mjs"));
  // The thread shares this process's environment, so both engines see the same pace.
  process.env.MOA_SIM_SPEED = "40";
}, 60_000);

afterAll(() => {
  if (savedSpeed === undefined) delete process.env.MOA_SIM_SPEED;
  else process.env.MOA_SIM_SPEED = savedSpeed;
  rmSync(dir, { recursive: true, force: true });
});

const config: MoAConfig = {
  layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }],
} as MoAConfig;

let runs = 0;
function engineRun(overrides: Partial<EngineRun> = {}): EngineRun {
  return {
    runId: `thread-test-${++runs}`,
    config,
    messages: [{ role: "user", content: "Why is the sky blue?" }],
    timeouts: {},
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function collect(batches: AsyncIterable<RunEvent[]>, onEvent?: (event: RunEvent) => void): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const batch of batches) {
    for (const event of batch) {
      events.push(event);
      onEvent?.(event);
    }
  }
  return events;
}

/** What a run said, without its timing: each agent's text and the terminal event. */
function transcript(events: RunEvent[]) {
  const texts = new Map<string, string>();
  for (const event of events) {
    if (event.type !== "agent-delta") continue;
    const key = `${event.layer}/${event.agent}`;
    texts.set(key, (texts.get(key) ?? "") + event.text);
  }
  return { agents: Object.fromEntries([...texts].sort()), last: events.at(-1)?.type, seqs: events.every((e, i) => e.seq === i) };
}

describe("the engine thread", () => {
  test("a run on the thread says exactly what the same run says in process", async () => {
    const onThread = await collect(engineBatches(engineRun(), threadFile));
    const inProcess = await collect(engineBatches(engineRun(), undefined));
    expect(transcript(onThread).last).toBe("run-finished");
    expect(transcript(onThread).seqs).toBe(true);
    expect(Object.keys(transcript(onThread).agents)).toEqual(["0/0", "0/1", "1/0"]);
    expect(transcript(onThread).agents).toEqual(transcript(inProcess).agents);
    expect(onThread.every((event) => event.runId.startsWith("thread-test-"))).toBe(true);
  });

  test("cancelling the run's signal ends it on the thread with the reason a viewer reads", async () => {
    const controller = new AbortController();
    const slow = { layers: [{ agents: [{ model: "sim:falcon?tps=2" }] }, { agents: [{ model: "sim:owl" }] }] } as MoAConfig;
    const events = await collect(engineBatches(engineRun({ config: slow, signal: controller.signal }), threadFile), (event) => {
      if (event.type === "agent-delta") controller.abort("stopped by the teacher");
    });
    const last = events.at(-1);
    expect(last?.type).toBe("run-cancelled");
    expect(last && "reason" in last ? last.reason : undefined).toBe("stopped by the teacher");
  });

  test("step-through: the gate is waiting before the layer-paused event arrives, and the run goes on when it opens", async () => {
    const order: string[] = [];
    const beforeLayer = async (layer: number) => {
      order.push(`gate ${layer}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`open ${layer}`);
    };
    const events = await collect(engineBatches(engineRun({ beforeLayer }), threadFile), (event) => {
      if (event.type === "layer-paused") order.push(`paused ${event.layer}`);
    });
    expect(order).toEqual(["gate 1", "paused 1", "open 1"]);
    expect(events.at(-1)?.type).toBe("run-finished");
  });

  test("a consumer that stops reading stops the run, and the thread serves the next one", async () => {
    const slow = { layers: [{ agents: [{ model: "sim:falcon?tps=2" }] }, { agents: [{ model: "sim:owl" }] }] } as MoAConfig;
    for await (const batch of engineBatches(engineRun({ config: slow }), threadFile)) {
      if (batch.length > 0) break;
    }
    const next = await collect(engineBatches(engineRun(), threadFile));
    expect(next.at(-1)?.type).toBe("run-finished");
  });

  test("a thread that dies fails its runs with the reason instead of leaving them hanging", async () => {
    const broken = path.join(dir, "broken-thread.mjs");
    writeFileSync(broken, "setTimeout(() => { throw new Error('the thread broke'); }, 50);\n");
    await expect(collect(engineBatches(engineRun(), broken))).rejects.toThrow(/the thread broke|exited/);
    // A new thread is started for the next run.
    writeFileSync(broken, "setTimeout(() => process.exit(3), 50);\n");
    await expect(collect(engineBatches(engineRun(), broken))).rejects.toThrow(/exited \(code 3\)/);
  });
});
