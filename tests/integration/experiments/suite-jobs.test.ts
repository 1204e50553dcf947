/**
 * The paper's suites as jobs on PGlite with sim models and the sim judge, from files in their
 * published formats written here: MT-Bench runs both turns (the second run carries the
 * variant's own first answer) and grades each 1–10; MATH is scored by exact match, no judge.
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
import type { ExperimentPlan, VariantSpec } from "@/lib/experiments/types";
import { getRunState } from "@/lib/runs/run-manager";
import type { VariantMtBench } from "@/lib/suites/mt-bench-scores";
import type { VariantAccuracy } from "@/lib/suites/exact-match-runner";
import { readPrompts } from "@/lib/suites/read-prompts";
import { mathJsonl, mtBenchJsonl } from "@/tests/fixtures/suite-files";
import { FAST } from "./fixtures";
import { withJobDatabase } from "./job-database";

const OWNER = "m".repeat(43);
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, init: RequestInit = {}) => new Request(`http://moa.test${url}`, { ...init, headers: { "content-type": "application/json" } });

async function untilEnded(id: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { experiment } = (await (await summaryRoute(request(`/api/experiments/${id}`), ctx(id))).json()) as { experiment: { status: string; done: number; total: number } };
    if (experiment.status !== "running" || Date.now() > deadline) return experiment;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function runJob(plan: ExperimentPlan) {
  const response = await createRoute(request("/api/experiments", { method: "POST", body: JSON.stringify({ plan, owner: OWNER }) }));
  expect(response.status).toBe(201);
  const { id, total } = (await response.json()) as { id: string; total: number };
  const ended = await untilEnded(id);
  expect(ended).toMatchObject({ status: "finished", done: total, total });
  const results = await (await resultsRoute(request(`/api/experiments/${id}/results`), ctx(id))).json();
  return { id, total, results };
}

const PROPOSERS = ["falcon", "heron", "otter", "lynx", "badger", "orca"];
/** Fast, at the models' own lengths: a fixed 40-word cut would cap every answer's key points alike. */
const PACE = "tps=4000&ttft=1";
const single = (name: string, pace = FAST): VariantSpec => ({ id: name, label: `${name} alone`, variant: "moa", config: { layers: [{ agents: [{ model: `sim:${name}?${pace}` }] }] } });
const moa = (proposers: string[], pace = FAST): VariantSpec => ({
  id: "moa",
  label: "MoA",
  variant: "moa",
  config: { layers: [{ agents: proposers.map((p) => ({ model: `sim:${p}?${pace}` })) }, { agents: [{ model: `sim:owl?${pace}` }] }] },
});
const planOf = (name: string, text: string, variants: VariantSpec[]): ExperimentPlan => {
  const { prompts, errors } = readPrompts(text);
  expect(errors).toEqual([]);
  return { id: "ignored", name, createdAt: new Date(0).toISOString(), prompts, variants, reference: variants[0].id, judge: `sim:owl?${FAST}` };
};

withJobDatabase();

describe("MT-Bench as a job", () => {
  it("runs both turns per question and variant, the second carrying the first answer, and grades each turn 1–10", async () => {
    const variants = [single("falcon", PACE), single("heron", PACE), moa(["falcon", "heron", "otter"], PACE)];
    const plan = planOf("MT-Bench fixture", mtBenchJsonl(), variants);
    expect(plan.prompts.map((p) => p.followUp)).toEqual([expect.stringMatching(/checklist/), expect.stringMatching(/seven-year-old/)]);
    const { id, total, results } = await runJob(plan);
    // Per question: 3 first turns, 2 verdicts against the reference, 3 second turns, 6 grades.
    expect(total).toBe(2 * (3 + 2 + 3 + 6));

    const db = await getDb();
    const { rows } = await db.execute(sql`select key, kind, run_id, attempts from experiment_cells where experiment_id = ${id} and kind in ('cell', 'turn2')`);
    expect(rows).toHaveLength(2 * 2 * 3);
    expect(rows.every((r) => Number(r.attempts) === 1 && r.run_id)).toBe(true);
    // Two stored runs per question per variant, both the owner's.
    const runIds = rows.map((r) => String(r.run_id));
    expect(new Set(runIds).size).toBe(12);
    const stored = await db.execute(sql`select count(*)::int as n from runs where id in ${runIds} and preset = 'experiment'`);
    expect(stored.rows[0].n).toBe(12);

    for (const prompt of plan.prompts) {
      for (const v of variants) {
        const first = results.progress.runs[`${prompt.id}\u0000${v.id}`];
        const second = results.progress.followUps[`${prompt.id}\u0000${v.id}`];
        expect(second.previousRunId).toBe(first.runId);
        expect(second.text).not.toBe(first.text);
        // The second run was asked in the variant's own conversation: turn-1 question, its own answer, turn-2 question.
        const state = await getRunState(second.runId);
        expect(state.messages).toEqual([
          { role: "user", content: prompt.prompt },
          { role: "assistant", content: first.text },
          { role: "user", content: prompt.followUp },
        ]);
      }
    }

    const scores = results.suites.mtBench as VariantMtBench[];
    expect(scores.map((s) => s.variantId)).toEqual(["falcon", "heron", "moa"]);
    for (const s of scores) {
      expect(s.turn1).toMatchObject({ graded: 2, unscored: 0 });
      expect(s.turn2).toMatchObject({ graded: 2, unscored: 0 });
      expect(s.overall!.mean).toBeGreaterThanOrEqual(1);
      expect(s.overall!.mean).toBeLessThanOrEqual(10);
    }
    const grades = Object.values(results.progress.grades) as Array<{ score: number; turn: number; runIds: string[] }>;
    expect(grades).toHaveLength(12);
    expect(grades.every((g) => Number.isInteger(g.score) && g.score >= 1 && g.score <= 10 && g.runIds.length === 1)).toBe(true);
    const overall = (vid: string) => scores.find((s) => s.variantId === vid)!.overall!.mean;
    expect(overall("moa")).toBeGreaterThan(Math.max(overall("falcon"), overall("heron")));
  }, 240_000);

  it("a judge that gives no rating leaves the turn unscored and counted, never a made-up score", async () => {
    const plan = { ...planOf("MT-Bench, failing judge", mtBenchJsonl(), [single("falcon", PACE), single("heron", PACE)]), judge: "sim:broken" };
    const { results } = await runJob(plan);
    const scores = results.suites.mtBench as VariantMtBench[];
    for (const s of scores) {
      expect(s.turn1).toEqual({ graded: 2, unscored: 2 });
      expect(s.turn2).toEqual({ graded: 2, unscored: 2 });
      expect(s.overall).toBeUndefined();
    }
    const grades = Object.values(results.progress.grades) as Array<{ score?: number; error?: string }>;
    expect(grades.every((g) => g.score === undefined && /judge run failed/.test(g.error ?? ""))).toBe(true);
  }, 240_000);

  it("a variant whose first turn failed gets no second run and no grades, and the job still finishes", async () => {
    const plan = planOf("MT-Bench, failing variant", mtBenchJsonl(), [single("heron", PACE), single("broken", PACE)]);
    const { id, results } = await runJob(plan);
    const db = await getDb();
    const { rows } = await db.execute(sql`select key, run_id from experiment_cells where experiment_id = ${id} and kind = 'turn2' and subject_id = 'broken'`);
    expect(rows.map((r) => r.run_id)).toEqual([null, null]);
    const broken = (results.suites.mtBench as VariantMtBench[]).find((s) => s.variantId === "broken")!;
    expect(broken).toMatchObject({ turn1: { graded: 2, unscored: 2 }, turn2: { graded: 2, unscored: 2 } });
    const second = results.progress.followUps[`${plan.prompts[0].id}\u0000broken`];
    expect(second).toMatchObject({ status: "failed", error: "the first turn has no answer", previousRunId: results.progress.runs[`${plan.prompts[0].id}\u0000broken`].runId });
    const heron = (results.suites.mtBench as VariantMtBench[]).find((s) => s.variantId === "heron")!;
    expect(heron.overall?.n).toBe(2);
  }, 240_000);
});

describe("MATH as a job", () => {
  it("scores every cell by exact match, with no judge run, and MoA beats its best proposer", async () => {
    const variants = [...PROPOSERS.map((p) => single(p)), moa(PROPOSERS)];
    const plan = planOf("MATH fixture", mathJsonl(20), variants);
    expect(plan.prompts.every((p) => p.answer !== undefined)).toBe(true);
    const { id, results } = await runJob(plan);

    const verdicts = Object.values(results.progress.judgements) as Array<{ reasons: string[]; runIds: string[] }>;
    expect(verdicts).toHaveLength(20 * 6);
    expect(verdicts.every((v) => v.reasons[0].startsWith("exact match") && v.runIds.length === 0)).toBe(true);
    const db = await getDb();
    const judged = await db.execute(sql`select count(*)::int as n from experiment_cells where experiment_id = ${id} and kind = 'verdict' and cost_usd > 0`);
    expect(judged.rows[0].n).toBe(0);

    const accuracy = results.suites.mathAccuracy as VariantAccuracy[];
    expect(accuracy.every((a) => a.scored === 20)).toBe(true);
    const of = (vid: string) => accuracy.find((a) => a.variantId === vid)!.accuracy!;
    const bestSingle = Math.max(...PROPOSERS.map(of));
    expect(bestSingle).toBeGreaterThan(0);
    expect(of("moa")).toBeGreaterThan(bestSingle);
  }, 240_000);
});
