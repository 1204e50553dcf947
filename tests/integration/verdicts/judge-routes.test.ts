/**
 * The judge routes against simulated models on the real database (an in-memory PGlite with
 * the real migrations): judging a run's proposers, reading the verdicts back, judging whole
 * runs from a compare, and the quality-vs-cost points they feed.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_DATA_DIR = "memory://";
  delete process.env.MOA_STORE;
  process.env.MOA_SIM_SPEED = "20";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { GET as getInsights } from "@/app/api/insights/route";
import { POST as judgeRunsRoute } from "@/app/api/judge/runs/route";
import { GET as getVerdicts, POST as judgeProposersRoute } from "@/app/api/runs/[id]/judge/route";
import { POST as startRunRoute } from "@/app/api/runs/route";
import { proposerQuality } from "@/lib/analysis/proposer-quality";
import { similarityRow } from "@/lib/analysis/similarity";
import { closeDb } from "@/lib/db/client";
import { followRun } from "@/lib/runs/follow";
import { registry } from "@/lib/runs/process/registry";
import { getRunState, stopRun } from "@/lib/runs/run-manager";

const OWNER = "o".repeat(40);
const FAST = "tps=2000&ttft=5";
const PROMPT = [{ role: "user", content: "Why do leaves change colour in autumn?" }];
const fast = (name: string) => ({ model: `sim:${name}?${FAST}` });

afterAll(async () => {
  // A cancelled run stores its outcome after the cancel returns: let it, before the database closes.
  await Promise.all(registry.executions.values());
  await closeDb();
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://moa.test${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function finishedRun(proposers: string[], aggregator = "owl"): Promise<string> {
  const response = await startRunRoute(
    post("/api/runs", { config: { layers: [{ agents: proposers.map(fast) }, { agents: [fast(aggregator)] }] }, messages: PROMPT, owner: OWNER }),
  );
  const { id } = await response.json();
  const { state } = await followRun(id, new AbortController().signal);
  expect(state.status).toBe("finished");
  return id;
}

async function judgeProposers(id: string, body: unknown = { judge: "sim:owl", owner: OWNER }) {
  const response = await judgeProposersRoute(post(`/api/runs/${id}/judge`, body), params(id));
  return { status: response.status, body: await response.json() };
}

describe("POST and GET /api/runs/{id}/judge", () => {
  it("judges every pair of the answers the final aggregator received, stores them, and gives a defined ρ", async () => {
    const id = await finishedRun(["falcon", "heron", "otter", "orca"]);
    expect((await (await getVerdicts(new Request(`http://moa.test/api/runs/${id}/judge`), params(id))).json()).verdicts).toEqual([]);

    const { status, body } = await judgeProposers(id);
    expect(status).toBe(200);
    expect(body.verdicts).toHaveLength(6);
    const [first] = body.verdicts;
    expect(first).toMatchObject({ runId: id, judge: "sim:owl", a: { agent: 0, label: `#1 sim:falcon?${FAST}` }, b: { agent: 1 } });
    expect(first.judgeRunIds).toHaveLength(2);
    expect(first).not.toHaveProperty("ownerSecretHash");
    // The judge runs are ordinary stored runs of the judge model.
    expect((await getRunState(first.judgeRunIds[0])).config?.layers[0].agents[0].model).toBe("sim:owl");

    // The simulated judge scores key points and wrong claims, so its verdicts differ between proposers and ρ exists.
    const state = await getRunState(id);
    const texts = state.agents[0].map((a) => a.text);
    const table = proposerQuality([0, 1, 2, 3], similarityRow(state.finalText, texts), body.verdicts.map((v: { a: { agent: number }; b: { agent: number }; winner: "a" | "b" | "tie" }) => ({ a: v.a.agent, b: v.b.agent, winner: v.winner })));
    expect(new Set(table.proposers.map((p) => p.winRate?.rate)).size).toBeGreaterThan(1);
    expect(table.correlation.tfidf.rho).toEqual(expect.any(Number));

    // Read back by anyone, and a second judging by the same judge replaces the first.
    const read = await (await getVerdicts(new Request(`http://moa.test/api/runs/${id}/judge`), params(id))).json();
    expect(read.verdicts.map((v: { id: string }) => v.id)).toEqual(body.verdicts.map((v: { id: string }) => v.id));
    const again = await judgeProposers(id);
    const reread = await (await getVerdicts(new Request(`http://moa.test/api/runs/${id}/judge`), params(id))).json();
    expect(reread.verdicts.map((v: { id: string }) => v.id)).toEqual(again.body.verdicts.map((v: { id: string }) => v.id));
  });

  it("refuses with a clear message: too few proposers, a run still going, no run, a bad body", async () => {
    const two = await finishedRun(["falcon", "heron"]);
    const tooFew = await judgeProposers(two);
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.error.message).toMatch(/at least 3 finished proposer answers.*received 2/);

    const slow = await (await startRunRoute(post("/api/runs", { config: { layers: [{ agents: [{ model: "sim:sloth" }] }] }, messages: PROMPT, owner: OWNER }))).json();
    const running = await judgeProposers(slow.id);
    expect(running.status).toBe(409);
    expect(running.body.error.message).toMatch(/finished/);
    await stopRun(slow.id);

    expect((await judgeProposers("A".repeat(24))).status).toBe(404);
    expect((await getVerdicts(new Request("http://moa.test/api/runs/x/judge"), params("x"))).status).toBe(404);
    const bad = await judgeProposers(two, { owner: OWNER });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^judge/);
  });
});

describe("POST /api/judge/runs and GET /api/insights", () => {
  it("stores whole-run verdicts under the run ids and turns them into one point per setup", async () => {
    const moa = await finishedRun(["falcon", "heron", "otter"]);
    const single = await (await startRunRoute(post("/api/runs", { config: { layers: [{ agents: [fast("falcon")] }] }, messages: PROMPT, owner: OWNER }))).json();
    await followRun(single.id, new AbortController().signal);

    const judged = await judgeRunsRoute(post("/api/judge/runs", { runs: [{ id: moa, label: "MoA" }, { id: single.id, label: "Falcon alone" }], judge: "sim:owl", owner: OWNER }));
    expect(judged.status).toBe(200);
    const { pairs } = await judged.json();
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: "MoA", b: "Falcon alone" });

    const insights = await (await getInsights(new Request("http://moa.test/api/insights", { headers: { "x-moa-owner": OWNER } }))).json();
    expect(insights.verdicts).toBe(1);
    expect(insights.setups.map((s: { label: string }) => s.label).sort()).toEqual(["Falcon alone", "MoA"]);
    const point = insights.setups.find((s: { label: string }) => s.label === "MoA");
    expect(point).toMatchObject({ shape: "2×3", runs: 1, quality: { n: 1 } });
    expect(point.meanCostUsd).toBeGreaterThan(0);
    expect(point.meanTflops).toBeGreaterThan(0);

    // Another browser sees none of it.
    const stranger = await (await getInsights(new Request("http://moa.test/api/insights", { headers: { "x-moa-owner": "s".repeat(40) } }))).json();
    expect(stranger).toEqual({ setups: [], verdicts: 0 });
  });

  it("refuses runs of different prompts", async () => {
    const a = await finishedRun(["falcon", "heron", "otter"]);
    const other = await (await startRunRoute(post("/api/runs", { config: { layers: [{ agents: [fast("falcon")] }] }, messages: [{ role: "user", content: "Something else" }] }))).json();
    await followRun(other.id, new AbortController().signal);
    const response = await judgeRunsRoute(post("/api/judge/runs", { runs: [{ id: a, label: "A" }, { id: other.id, label: "B" }], judge: "sim:owl" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/same prompt/);
  });
});
