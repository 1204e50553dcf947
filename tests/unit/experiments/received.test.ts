import { afterEach, describe, expect, it, vi } from "vitest";
import { RunClientError } from "@/lib/client/run-client";
import { browserRunnerDeps, whenAdmitted } from "@/lib/client/experiments/browser-deps";
import { inputsToJudge, receivedLayers } from "@/lib/experiments/received";
import type { RunResult } from "@/lib/experiments/types";
import { initialRunState, type AgentState, type RunState } from "@/lib/moa/run-state";

const agent = (layer: number, index: number, model: string, text: string, status: AgentState["status"] = "done"): AgentState => ({
  layer, agent: index, model, status, text, retries: 0,
});

/** Three proposers (one failed), two layer-2 aggregators, a final one. */
function threeLayers(): RunState {
  return {
    ...initialRunState("r1"),
    status: "finished",
    messages: [{ role: "user", content: "why is the sky blue" }],
    agents: [
      [agent(0, 0, "sim:a", "rayleigh scattering of sunlight"), agent(0, 1, "sim:b", "", "failed"), agent(0, 2, "sim:c", "cats like windows")],
      [agent(1, 0, "sim:d", "rayleigh scattering of sunlight makes it blue"), agent(1, 1, "sim:e", "cats like windows a lot")],
      [agent(2, 0, "sim:owl", "scattering of sunlight")],
    ],
  };
}

describe("receivedLayers", () => {
  it("rates each layer's finished inputs by pairwise win rate and aligns every aggregator's similarity with them", () => {
    const state = threeLayers();
    expect(inputsToJudge(state).map((l) => [l.layer, l.inputs.map((a) => a.agent)])).toEqual([
      [1, [0, 2]],
      [2, [0, 1]],
    ]);
    const layers = receivedLayers(
      state,
      new Map([
        [1, [{ a: 0, b: 2, winner: "a" as const }]],
        [2, [{ a: 0, b: 1, winner: "tie" as const, unreadable: true }]],
      ]),
    );
    expect(layers[0]).toMatchObject({ layer: 1, inputs: [0, 2], quality: [1, 0], unreadable: 0 });
    expect(layers[0].aggregators.map((a) => a.model)).toEqual(["sim:d", "sim:e"]);
    // d copies input 0, e input 2: each is more similar to the one it copied.
    const [d, e] = layers[0].aggregators;
    expect(d.tfidf[0]).toBeGreaterThan(d.tfidf[1]);
    expect(e.tfidf[1]).toBeGreaterThan(e.tfidf[0]);
    // No readable verdict: no quality, and the verdict counted as unreadable.
    expect(layers[1]).toMatchObject({ layer: 2, quality: [null, null], unreadable: 1 });
  });
});

describe("browserRunnerDeps", () => {
  afterEach(() => vi.unstubAllGlobals());
  const run = (runId: string): RunResult => ({ runId, status: "finished", text: runId, inputTokens: 1, outputTokens: 1, costUsd: 0, costEstimated: false, tflops: 0, durationMs: 1 });
  const variant = (id: string, label: string) => ({ id, label, variant: "moa" as const, config: { layers: [{ agents: [{ model: "sim:a" }] }] } });

  it("judges a comparison through /api/judge/runs with the owner secret, so the verdict is stored for Insights", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ pairs: [{ a: "MoA", b: "Single", runIds: ["j1", "j2"], verdict: { winner: "b", consistent: true, reasons: [] } }] }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const deps = browserRunnerDeps({ keys: () => undefined, owner: () => "o".repeat(40) });
    const judgement = await deps.judge(
      { conversation: [], comparison: { id: "c", label: "c", a: "moa", b: "one" }, a: { variant: variant("moa", "MoA"), run: run("r-a") }, b: { variant: variant("one", "Single"), run: run("r-b") }, judge: "sim:owl" },
      new AbortController().signal,
    );
    expect(judgement.winner).toBe("b");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/judge/runs");
    expect(JSON.parse(String(init.body))).toMatchObject({ owner: "o".repeat(40), judge: "sim:owl", runs: [{ id: "r-a", label: "MoA" }, { id: "r-b", label: "Single" }] });
  });

  it("waits out a 429 for as long as the server asks, then goes on", async () => {
    const waits: number[] = [];
    let calls = 0;
    const job = async () => {
      if (++calls < 3) throw new RunClientError("rate_limited:runs", "Too many runs: at most 60 per minute. Try again in 7 s.", 429);
      return "ok";
    };
    expect(await whenAdmitted(job, new AbortController().signal, async (ms) => void waits.push(ms))).toBe("ok");
    expect(waits).toEqual([7000, 7000]);
    await expect(whenAdmitted(async () => Promise.reject(new RunClientError("x", "boom", 500)), new AbortController().signal)).rejects.toThrow("boom");
  });
});
