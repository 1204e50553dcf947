/**
 * A job on keys the owner pasted, on PGlite, against the fake OpenAI-compatible upstream that
 * answers only to that key: every cell and verdict is asked with it, the job finishes; when the
 * server loses the keys (a restart empties the in-memory keyring) the job pauses, fails nothing,
 * runs nothing on server keys, and goes on once its owner (only its owner) sends them again.
 * The key is found nowhere: not in any table, event, log line or API response.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";

vi.hoisted(() => {
  process.env.MOA_DATA_DIR = "memory://";
  delete process.env.MOA_STORE;
  delete process.env.DATABASE_URL;
  delete process.env.OPENAI_COMPATIBLE_API_KEY;
  delete process.env.OPENAI_COMPATIBLE_BASE_URL;
  // The server's own keys need this token: a job that fell back to them would be refused.
  process.env.MOA_ACCESS_TOKEN = "server-access-token";
  process.env.MOA_ALLOW_PRIVATE_ENDPOINTS = "1";
  process.env.MOA_JOB_CONCURRENCY = "2";
});

import { sql } from "drizzle-orm";
import { GET as resultsRoute } from "@/app/api/experiments/[id]/results/route";
import { POST as resumeRoute } from "@/app/api/experiments/[id]/resume/route";
import { GET as summaryRoute } from "@/app/api/experiments/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/experiments/route";
import { closeDb, getDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/experiments/jobs/boss";
import { forgetAllKeys } from "@/lib/experiments/jobs/keyring";
import { stopExperimentWorkers } from "@/lib/experiments/jobs/worker";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";
import { registry } from "@/lib/runs/process/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";

const KEY = `sk-jobkey-${randomBytes(12).toString("hex")}`;
const OWNER = "k".repeat(43);
const VIEWER = "w".repeat(43);
const JUDGE_REPLY = '{"winner": "tie", "reason": "Both answers are equally good."}';

let fake: FakeOpenAI;
let release: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
const responses: string[] = [];
const consoleSpies: MockInstance[] = [];

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, init: RequestInit & { owner?: string } = {}) =>
  new Request(`http://moa.test${url}`, { ...init, headers: { "content-type": "application/json", ...(init.owner && { "x-moa-owner": init.owner }) } });

/** Every API answer is kept, to look for the key in it afterwards. */
async function call<T = unknown>(response: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await response;
  const text = await r.text();
  responses.push(text);
  return { status: r.status, body: (text ? JSON.parse(text) : null) as T };
}

type Summary = { status: string; done: number; total: number };

const keys = () => ({ compat: KEY, compatBaseUrl: fake.baseUrl });

function plan(name: string): ExperimentPlan {
  return {
    id: "ignored",
    name,
    createdAt: new Date(0).toISOString(),
    prompts: [
      { id: "p0", prompt: "Name a colour." },
      { id: "p1", prompt: "Name a fruit." },
    ],
    variants: [
      { id: "alpha", label: "Alpha", variant: "moa", config: { layers: [{ agents: [{ model: "compat:alpha" }] }] } },
      { id: "beta", label: "Beta", variant: "moa", config: { layers: [{ agents: [{ model: "compat:beta" }] }] } },
    ],
    reference: "beta",
    judge: "compat:judge",
  };
}

const summary = async (id: string) => (await call<{ experiment: Summary }>(summaryRoute(request(`/api/experiments/${id}`, { owner: OWNER }), ctx(id)))).body.experiment;

async function until(id: string, done: (s: { status: string; done: number }) => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await summary(id);
    if (done(s) || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const create = (body: object) => call<{ id: string }>(createRoute(request("/api/experiments", { method: "POST", body: JSON.stringify(body) })));
const resume = (id: string, owner: string) => call(resumeRoute(request(`/api/experiments/${id}/resume`, { method: "POST", owner, body: JSON.stringify({ keys: keys() }) }), ctx(id)));
const chatRequests = () => fake.requests.filter((r) => r.path.endsWith("/chat/completions"));

beforeAll(async () => {
  fake = await startFakeOpenAI({
    requireKey: KEY,
    defaultBehaviour: { ttftMs: 2, tokensPerSecond: 4_000, text: "A short answer.", gate: () => gate },
    models: { judge: { ttftMs: 2, tokensPerSecond: 4_000, text: JUDGE_REPLY } },
  });
  for (const method of ["log", "error", "warn", "info", "debug"] as const) consoleSpies.push(vi.spyOn(console, method));
  await getDb();
}, 180_000);

afterAll(async () => {
  release();
  stopExperimentWorkers();
  await stopBoss();
  await Promise.all(registry.executions.values());
  await closeDb();
  await fake.close();
  vi.restoreAllMocks();
});

describe("experiment jobs on pasted keys", () => {
  it("refuses a job that would run on the server's keys without the access token", async () => {
    expect((await create({ plan: plan("no keys"), owner: OWNER })).status).toBe(401);
  });

  it("runs every cell and verdict with the pasted key, and finishes", async () => {
    const before = chatRequests().length;
    const created = await create({ plan: plan("on my key"), owner: OWNER, keys: keys() });
    expect(created.status).toBe(201);
    const ended = await until(created.body.id, (s) => s.status !== "running");
    expect(ended).toMatchObject({ status: "finished", done: 6, total: 6 });

    const asked = chatRequests().slice(before);
    // 4 cells, and the one comparison per prompt judged in both orders.
    expect(asked).toHaveLength(8);
    expect(asked.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const { body } = await call<{ progress: ExperimentProgress }>(resultsRoute(request(`/api/experiments/${created.body.id}/results`), ctx(created.body.id)));
    expect(Object.values(body.progress.runs).map((r) => r.status)).toEqual(["finished", "finished", "finished", "finished"]);
    const judgements = Object.values(body.progress.judgements);
    expect(judgements).toHaveLength(2);
    expect(judgements.every((j) => j.error === undefined)).toBe(true);
  }, 180_000);

  it("pauses when the server loses the keys, fails nothing, and continues after the owner (not a viewer) sends them again", async () => {
    gate = new Promise<void>((resolve) => (release = resolve));
    const before = chatRequests().length;
    const created = await create({ plan: plan("restarted"), owner: OWNER, keys: keys() });
    const id = created.body.id;
    // Two cells are in flight (MOA_JOB_CONCURRENCY=2), held by the upstream; then the keys are gone, as after a restart.
    await vi.waitFor(() => expect(chatRequests().length - before).toBe(2), { timeout: 60_000, interval: 50 });
    forgetAllKeys();
    release();
    const paused = await until(id, (s) => s.status === "paused");
    expect(paused.status).toBe("paused");
    // What was in flight ends; nothing more is asked upstream while the job waits.
    await until(id, (s) => s.done >= 2);
    await new Promise((r) => setTimeout(r, 1_500));
    const waiting = await summary(id);
    expect(waiting).toMatchObject({ status: "paused", done: 2, total: 6 });
    expect(chatRequests().length - before).toBe(2);
    const db = await getDb();
    const failed = await db.execute(sql`select count(*)::int as n from runs where preset = 'experiment' and status <> 'finished' and created_at > now() - interval '10 minutes'`);
    expect(failed.rows[0].n).toBe(0);

    // A share link sees the pause but cannot resume it.
    const viewed = await call(summaryRoute(request(`/api/experiments/${id}`, { owner: VIEWER }), ctx(id)));
    expect(viewed.body).toMatchObject({ access: "read", experiment: { status: "paused" } });
    expect((await resume(id, VIEWER)).status).toBe(403);

    expect((await resume(id, OWNER)).status).toBe(200);
    const ended = await until(id, (s) => s.status === "finished" || s.status === "cancelled");
    expect(ended).toMatchObject({ status: "finished", done: 6, total: 6 });
    // Each cell asked once, each verdict twice (both orders): nothing repeated, nothing lost.
    const asked = chatRequests().slice(before);
    expect(asked).toHaveLength(8);
    expect(asked.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const units = await db.execute(sql`select status, attempts from experiment_cells where experiment_id = ${id}`);
    expect(units.rows.every((u) => u.status === "done" && Number(u.attempts) === 1)).toBe(true);
    // A finished job lets its keys go: a resume now has nothing to resume.
    expect((await resume(id, OWNER)).status).toBe(409);
  }, 240_000);

  it("a job whose models use none of the pasted keys does not depend on them", async () => {
    const simOnly = { ...plan("sim only"), judge: "sim:owl?tps=4000&ttft=1&tokens=40" };
    simOnly.variants = simOnly.variants.map((v) => ({ ...v, config: { layers: [{ agents: [{ model: `sim:${v.id}?tps=4000&ttft=1&tokens=40` }] }] } }));
    const created = await create({ plan: simOnly, owner: OWNER, keys: keys() });
    expect(created.status).toBe(201);
    forgetAllKeys();
    const ended = await until(created.body.id, (s) => s.status !== "running");
    expect(ended).toMatchObject({ status: "finished", done: 6, total: 6 });
    expect((await resume(created.body.id, OWNER)).status).toBe(409);
  }, 120_000);

  it("keeps the key out of every table, event, log line and API response", async () => {
    await call(listRoute(request("/api/experiments", { owner: OWNER })));
    const db = await getDb();
    const { rows: tables } = await db.execute(sql`
      select table_schema, table_name from information_schema.tables
      where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["experiments", "experiment_cells", "runs", "run_event_batches", "judge_verdicts", "job"]));
    let dumped = "";
    for (const t of tables) {
      const { rows } = await db.execute(sql.raw(`select t::text as row from "${t.table_schema}"."${t.table_name}" t`));
      dumped += rows.map((r) => r.row).join("\n");
    }
    const logged = consoleSpies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "))).join("\n");
    for (const [where, text] of [["the database", dumped], ["the logs", logged], ["the API responses", responses.join("\n")]] as const) {
      expect(text.includes(KEY), `${where} contain the key`).toBe(false);
      expect(text.includes(KEY.slice(-12)), `${where} contain part of the key`).toBe(false);
    }
    // The dump is not empty for the wrong reason: the job's answers are in it.
    expect(dumped).toContain("A short answer.");
    expect(responses.join("\n")).toContain("A short answer.");
  }, 60_000);
});
