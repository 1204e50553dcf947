/**
 * Following a run to its end (the judge waits on its runs this way): a follower that goes away
 * stops following at once and leaves the run going; one that stays gets the end.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
  delete process.env.MOA_SIM_SPEED;
});

import { followRun } from "@/lib/runs/follow";
import { registry } from "@/lib/runs/process/registry";
import { getRunState, startRun } from "@/lib/runs/run-manager";

const PROMPT = [{ role: "user" as const, content: "Why is the sky blue?" }];

afterAll(async () => {
  for (const live of registry.liveRuns.values()) live.controller.abort("test over");
  await Promise.all(registry.executions.values());
});

describe("following a run to its end", () => {
  it("stops when the follower goes away, and the run goes on", async () => {
    // Slow enough that it cannot end while the test looks at it.
    const { id } = await startRun({ config: { layers: [{ agents: [{ model: "sim:falcon?ttft=0&tps=1&tokens=500" }] }] }, messages: PROMPT });
    const gone = new AbortController();
    gone.abort("the request was closed");
    const followed = await followRun(id, gone.signal);
    expect(followed.end).toBeUndefined();
    expect((await getRunState(id)).status).not.toMatch(/finished|failed|cancelled|interrupted/);
  });

  it("folds the run to its terminal event", async () => {
    const { id } = await startRun({ config: { layers: [{ agents: [{ model: "sim:heron?ttft=0&tps=5000&tokens=20" }] }] }, messages: PROMPT });
    const { state, end } = await followRun(id, new AbortController().signal);
    expect(end?.type).toBe("run-finished");
    expect(state.status).toBe("finished");
    expect(state.finalText.length).toBeGreaterThan(0);
  });
});
