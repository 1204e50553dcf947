/**
 * AlpacaEval's setting as a job: one variant judged against the reference outputs of the
 * imported file (an answer set), on an in-memory PGlite with the real queue. Nothing runs for
 * the reference; a prompt the file has no output for gets an unreadable verdict, not a win.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_DATA_DIR = "memory://";
  delete process.env.MOA_STORE;
  delete process.env.DATABASE_URL;
  delete process.env.MOA_ACCESS_TOKEN;
  process.env.MOA_JOB_CONCURRENCY = "8";
});

import { sql } from "drizzle-orm";
import { GET as resultsRoute } from "@/app/api/experiments/[id]/results/route";
import { GET as summaryRoute } from "@/app/api/experiments/[id]/route";
import { POST as createRoute } from "@/app/api/experiments/route";
import { getDb } from "@/lib/db/client";
import { lcWinRates } from "@/lib/experiments/lc-results";
import type { ExperimentPlan } from "@/lib/experiments/types";
import { readPrompts } from "@/lib/suites/read-prompts";
import { fileReferenceOf, fileReferenceSet } from "@/lib/suites/reference-answers";
import { alpacaEvalFixture, FAST } from "./fixtures";
import { withJobDatabase } from "./job-database";

const OWNER = "r".repeat(43);
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, init: RequestInit = {}) => new Request(`http://moa.test${url}`, { ...init, headers: { "content-type": "application/json" } });

withJobDatabase();

describe("a job against an imported file's reference outputs", () => {
  it("judges every cell against the fixed answers, runs nothing for them, and gives LC against them", async () => {
    const rows = alpacaEvalFixture(12);
    rows[5].output = "";
    const text = JSON.stringify(rows);
    const { prompts } = readPrompts(text, "alpaca_eval.json");
    const set = fileReferenceSet(fileReferenceOf(text)!, prompts.map((p) => p.id), "alpaca_eval.json");
    const plan: ExperimentPlan = {
      id: "ignored",
      name: "against the reference",
      createdAt: new Date(0).toISOString(),
      prompts,
      variants: [{ id: "falcon", label: "Falcon alone", variant: "moa", config: { layers: [{ agents: [{ model: `sim:falcon?${FAST}` }] }] } }],
      answerSets: [set],
      reference: set.id,
      judge: `sim:owl?${FAST}`,
    };
    const created = await createRoute(request("/api/experiments", { method: "POST", body: JSON.stringify({ plan, owner: OWNER }) }));
    expect(created.status).toBe(201);
    const { id, total } = (await created.json()) as { id: string; total: number };
    expect(total).toBe(12 * 2);

    let experiment: { status: string; done: number } = { status: "running", done: 0 };
    for (const deadline = Date.now() + 120_000; experiment.status === "running" && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      experiment = (await (await summaryRoute(request(`/api/experiments/${id}`), ctx(id))).json()).experiment;
    }
    expect(experiment).toMatchObject({ status: "finished", done: 24 });

    const db = await getDb();
    const cells = await db.execute(sql`select kind, subject_id from experiment_cells where experiment_id = ${id}`);
    // Twelve cells of the variant, twelve verdicts; no cell for the reference.
    expect(cells.rows.filter((r) => r.kind === "cell").map((r) => r.subject_id)).toEqual(Array(12).fill("falcon"));
    expect(cells.rows.filter((r) => r.kind === "verdict")).toHaveLength(12);

    const results = (await (await resultsRoute(request(`/api/experiments/${id}/results`), ctx(id))).json()) as { plan: ExperimentPlan; progress: Parameters<typeof lcWinRates>[1] };
    const judgements = Object.entries(results.progress.judgements);
    expect(judgements).toHaveLength(12);
    const unreadable = judgements.filter(([, j]) => j.error !== undefined);
    expect(unreadable.map(([key, j]) => [key.split("\u0000")[0], j.error])).toEqual([[prompts[5].id, "the answer set has no answer for this prompt"]]);
    // The judge ran on the others: two judge runs (both orders) per verdict.
    for (const [, j] of judgements.filter(([, j]) => j.error === undefined)) expect(j.runIds).toHaveLength(2);
    const lc = lcWinRates(results.plan, results.progress).get("falcon");
    expect(lc?.n).toBe(11);
    expect(lc?.meanBaselineLength).toBeCloseTo(rows.filter((r) => r.output).reduce((s, r) => s + r.output.length, 0) / 11, 6);
  }, 240_000);
});
