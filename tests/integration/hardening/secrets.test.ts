/**
 * A key pasted with a run is used for that run's upstream requests and nowhere else: not in
 * the SSE stream, not in GET /api/runs/{id}, not in the stored run or events (memory store and
 * PGlite), not in error messages (the upstream below echoes the key in its error bodies), and
 * not in anything written to the console.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { forgetProcessStores } from "@/lib/db/process-store";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";
import { readSse } from "./sse-reader";

// One key in the usual `sk-` shape, one that no pattern would recognise as a key.
const KEYS = [`sk-live-SECRET-${randomBytes(12).toString("hex")}`, `SECRET.${randomBytes(6).toString("hex")}`];

let fake: FakeOpenAI;
const consoleSpies: MockInstance[] = [];
const consoleText = () => consoleSpies.flatMap((spy) => spy.mock.calls.map((args) => args.map(show).join(" "))).join("\n");

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name} ${value.message} ${value.stack} ${show(value.cause)}`;
  try {
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** An upstream that repeats the credential it was sent, as some do in their error messages. */
function echoing(status: number, key: string) {
  return { failWith: { status, body: { error: { message: `Invalid credential "Bearer ${key}" (key: ${key})`, type: "invalid_request_error" } } } };
}

const ECHO_STATUS: Record<string, number> = { "echo-400": 400, "echo-401": 401, "echo-404": 404, "echo-500": 500, "echo-agg": 422 };

beforeAll(async () => {
  fake = await startFakeOpenAI({ models: { ok: { ttftMs: 5, tokensPerSecond: 2_000, text: "A healthy answer." } } });
  vi.stubEnv("MOA_ALLOW_PRIVATE_ENDPOINTS", "1");
  vi.stubEnv("MOA_ACCESS_TOKEN", "");
  vi.stubEnv("MOA_MAX_RETRIES", "1");
  vi.stubEnv("MOA_RATE_LIMIT_PER_MIN", "0");
  vi.stubEnv("MOA_MAX_CONCURRENT_RUNS", "0");
  for (const method of ["log", "error", "warn", "info", "debug"] as const) consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => {}));
});

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await fake.close();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

function expectNoKey(where: string, text: string, options: { mayBeEmpty?: boolean } = {}): void {
  // An empty capture would pass for the wrong reason.
  if (!options.mayBeEmpty) expect(text.length, `${where} is empty`).toBeGreaterThan(0);
  for (const key of KEYS) expect(text.includes(key), `${where} contains a key`).toBe(false);
  // A fragment is a leak too: the random part of each key must not show up either.
  for (const key of KEYS) expect(text.includes(key.slice(-12)), `${where} contains part of a key`).toBe(false);
}

/** Runs one keyed run through the routes and returns everything a client or the store can see. */
async function runWithKey(key: string) {
  const { POST } = await import("@/app/api/runs/route");
  const { GET: getRun } = await import("@/app/api/runs/[id]/route");
  const { GET: getEvents } = await import("@/app/api/runs/[id]/events/route");
  const { getRunStore } = await import("@/lib/runs/store");
  for (const [model, status] of Object.entries(ECHO_STATUS)) fake.setBehaviour(model, echoing(status, key));
  const body = {
    config: {
      layers: [
        { agents: ["ok", "echo-400", "echo-401", "echo-404", "echo-500"].map((m) => ({ model: `compat:${m}` })) },
        { agents: [{ model: "compat:echo-agg" }] },
      ],
    },
    messages: [{ role: "user", content: "Which key did I send?" }],
    keys: { compat: key, compatBaseUrl: fake.baseUrl },
  };
  const posted = await POST(new Request("http://test/api/runs", { method: "POST", body: JSON.stringify(body) }));
  const postedText = await posted.text();
  expect(posted.status, postedText).toBe(201);
  const { id } = JSON.parse(postedText) as { id: string };

  const sse = await readSse(await getEvents(new Request(`http://test/api/runs/${id}/events`), ctx(id)));
  const state = await (await getRun(new Request(`http://test/api/runs/${id}`), ctx(id))).text();
  const store = await getRunStore();
  let stored = await store.getRun(id);
  for (let i = 0; i < 100 && (stored?.status === "running" || stored?.status === "pending"); i++) {
    await new Promise((r) => setTimeout(r, 20));
    stored = await store.getRun(id);
  }
  return { id, postedText, sse, state, stored: JSON.stringify(stored), storedEvents: JSON.stringify(await store.getEvents(id)) };
}

function checkRun(result: Awaited<ReturnType<typeof runWithKey>>, key: string): void {
  // The key did its job: every upstream request carried it.
  const upstream = fake.requests.filter((r) => r.path === "/v1/chat/completions" && r.headers.authorization === `Bearer ${key}`);
  expect(upstream.length).toBeGreaterThanOrEqual(6);

  // The failures are still explained, just without the key.
  const failed = result.sse.events.filter((e) => e.type === "agent-failed");
  expect(failed.map((e) => e.kind).sort()).toEqual(["auth", "bad_request", "bad_request", "bad_request", "server_error"]);
  expect(result.sse.events.at(-1)).toMatchObject({ type: "run-failed" });

  expectNoKey("the POST answer", result.postedText);
  expectNoKey("the SSE stream", result.sse.raw);
  expectNoKey("GET /api/runs/{id}", result.state);
  expectNoKey("the stored run", result.stored);
  expectNoKey("the stored events", result.storedEvents);
  expectNoKey("the console", consoleText(), { mayBeEmpty: true });
}

describe("a pasted key never leaves the upstream request", () => {
  it.each(KEYS.map((key, i) => [i === 0 ? "an sk- key" : "a key of no known shape", key] as const))("memory store, %s", async (_, key) => {
    vi.stubEnv("MOA_STORE", "memory");
    forgetProcessStores();
    checkRun(await runWithKey(key), key);
  });

  it("PGlite store: no table holds the key", async () => {
    vi.stubEnv("MOA_STORE", "");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("MOA_DATA_DIR", "memory://");
    forgetProcessStores();
    const { getDbHandle, closeDb } = await import("@/lib/db/client");
    try {
      for (const key of KEYS) checkRun(await runWithKey(key), key);
      const { db } = await getDbHandle();
      const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`)).rows as Array<{ table_name: string }>;
      expect(tables.map((t) => t.table_name)).toContain("runs");
      for (const { table_name } of tables) {
        const rows = (await db.execute(sql`select t::text as row from ${sql.identifier(table_name)} t`)).rows as Array<{ row: string }>;
        const holdsRuns = table_name === "runs" || table_name === "run_event_batches";
        expectNoKey(`table ${table_name}`, rows.map((r) => r.row).join("\n"), { mayBeEmpty: !holdsRuns });
      }
    } finally {
      forgetProcessStores();
      await closeDb();
    }
    // Opening and migrating PGlite takes a few seconds, many more on a busy machine.
  }, 90_000);
});
