import { expect, test } from "@playwright/test";
import type { RunEvent } from "@/lib/moa/events";
import { readRunEvents } from "../helpers/sse";
import { startFakeOpenAI } from "../fixtures/fake-openai-server";

/** The run API through the real HTTP routes of the built app (`next start`). */

const threeLayers = {
  layers: [
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }, { model: "sim:otter" }] },
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }, { model: "sim:otter" }] },
    { agents: [{ model: "sim:owl" }] },
  ],
};
const ask = (content: string) => [{ role: "user", content }];

function typesOf(events: RunEvent[]) {
  return events.map((e) => e.type);
}

test("starting a run answers its small JSON uncompressed, though the client accepts gzip", async ({ request }) => {
  const created = await request.post("/api/runs", { data: { config: threeLayers, messages: ask("Hi") }, headers: { "Accept-Encoding": "gzip" } });
  expect(created.status()).toBe(201);
  expect(created.headers()["content-encoding"]).toBeUndefined();
  expect(created.headers()["cache-control"]).toContain("no-transform");
});

test("a 3-layer simulated run streams every agent and the final answer as SSE", async ({ request, baseURL }) => {
  const created = await request.post("/api/runs", { data: { config: threeLayers, messages: ask("Why is the sky blue?") } });
  expect(created.status()).toBe(201);
  const { id, owner } = await created.json();
  expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect(owner.length).toBeGreaterThanOrEqual(32);

  const { status, events, ids } = await readRunEvents(`${baseURL}/api/runs/${id}/events`);
  expect(status).toBe(200);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  expect(ids).toEqual(events.map((e) => String(e.seq)));
  expect(events[0].type).toBe("run-started");
  expect(events.at(-1)?.type).toBe("run-finished");
  const finished = events.filter((e) => e.type === "agent-finished");
  expect(finished).toHaveLength(7);
  for (const layer of [0, 1, 2]) {
    expect(events.some((e) => e.type === "agent-delta" && e.layer === layer)).toBe(true);
  }
  const final = events.at(-1);
  if (final?.type !== "run-finished") throw new Error("no run-finished");
  expect(final.text.length).toBeGreaterThan(50);
  expect(final.usage.outputTokens).toBeGreaterThan(0);

  const state = await (await request.get(`/api/runs/${id}`)).json();
  expect(state.run.status).toBe("finished");
  expect(state.run.finalText).toBe(final.text);
});

test("a viewer reconnecting with Last-Event-ID gets exactly what it missed", async ({ request, baseURL }) => {
  const { id } = await (await request.post("/api/runs", { data: { config: threeLayers, messages: ask("Name three rivers.") } })).json();
  const first = await readRunEvents(`${baseURL}/api/runs/${id}/events`, { stopAfter: 12 });
  const lastSeen = first.events.at(-1)!.seq;
  const rest = await readRunEvents(`${baseURL}/api/runs/${id}/events`, { lastEventId: String(lastSeen) });
  const seqs = [...first.events, ...rest.events].map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i));
  expect(rest.events.at(-1)?.type).toBe("run-finished");
});

test("cancel stops a run in progress and keeps its partial text", async ({ request, baseURL }) => {
  const slow = { layers: [{ agents: [{ model: "sim:sloth" }, { model: "sim:falcon?tps=4" }] }, { agents: [{ model: "sim:owl" }] }] };
  const { id, owner } = await (await request.post("/api/runs", { data: { config: slow, messages: ask("Tell a long story.") } })).json();
  const partial = await readRunEvents(`${baseURL}/api/runs/${id}/events`, { stopAfter: 6 });
  expect(partial.events.some((e) => e.type === "agent-delta")).toBe(true);

  // A share link watches; only the owner secret stops the run.
  const byViewer = await request.post(`/api/runs/${id}/cancel`);
  expect(byViewer.status()).toBe(403);
  expect((await byViewer.json()).error.code).toBe("forbidden:owner");
  const cancelled = await request.post(`/api/runs/${id}/cancel`, { headers: { "x-moa-owner": owner } });
  expect(cancelled.status()).toBe(200);
  expect((await cancelled.json()).status).toBe("cancelled");

  const all = await readRunEvents(`${baseURL}/api/runs/${id}/events`);
  expect(all.events.at(-1)?.type).toBe("run-cancelled");
  const state = (await (await request.get(`/api/runs/${id}`)).json()).run;
  expect(state.status).toBe("cancelled");
  expect(state.agents[0].some((a: { text: string }) => a.text.length > 0)).toBe(true);

  const again = await request.post(`/api/runs/${id}/cancel`, { headers: { "x-moa-owner": owner } });
  expect(again.status()).toBe(409);
});

test("bad input gets a 400 naming the field, never a 500", async ({ request }) => {
  const cases: Array<[unknown, RegExp]> = [
    [{ config: { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }] }, messages: ask("hi") }, /config\.layers\[0\]\.agents/],
    [{ config: { layers: [] }, messages: ask("hi") }, /config\.layers/],
    [{ config: threeLayers, messages: [] }, /messages/],
    [{ config: threeLayers, messages: [{ role: "assistant", content: "x" }] }, /messages/],
    [{ config: { layers: [{ agents: [{ model: "nocolon" }] }] }, messages: ask("hi") }, /model/],
    [{ config: { layers: [{ agents: [{ model: "sim:owl", maxTokens: 10_000_000 }] }] }, messages: ask("hi") }, /maxTokens/],
  ];
  for (const [body, field] of cases) {
    const response = await request.post("/api/runs", { data: body as object });
    expect(response.status(), JSON.stringify(body)).toBe(400);
    const { error } = await response.json();
    expect(error.message).toMatch(field);
  }
  const notJson = await request.post("/api/runs", { data: "{nope", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
});

test("unknown and malformed run ids get a 404 with a clear message", async ({ request }) => {
  for (const path of ["/api/runs/AAAAAAAAAAAAAAAAAAAAAAAA", "/api/runs/not-an-id", "/api/runs/AAAAAAAAAAAAAAAAAAAAAAAA/events"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    expect((await response.json()).error.message).toMatch(/no run/i);
  }
});

test("a run reaches a real OpenAI-compatible server through the app (fake upstream)", async ({ request, baseURL }) => {
  const fake = await startFakeOpenAI({
    models: { "small-a": { ttftMs: 20, tokensPerSecond: 400 }, "small-b": { ttftMs: 30, tokensPerSecond: 300 }, judge: { ttftMs: 10, tokensPerSecond: 500 } },
  });
  try {
    const config = { layers: [{ agents: [{ model: "compat:small-a" }, { model: "compat:small-b" }] }, { agents: [{ model: "compat:judge" }] }] };
    const keys = { compatBaseUrl: fake.baseUrl, compat: "sk-test-secret-123" };
    const { id } = await (await request.post("/api/runs", { data: { config, messages: ask("What is MoA?"), keys } })).json();
    const { events } = await readRunEvents(`${baseURL}/api/runs/${id}/events`);
    expect(typesOf(events).at(-1)).toBe("run-finished");
    const chat = fake.requests.filter((r) => r.path.endsWith("/chat/completions"));
    expect(chat).toHaveLength(3);
    const aggregatorBody = JSON.stringify(chat.find((r) => r.model === "judge")?.body);
    const proposerTexts = events.filter((e) => e.type === "agent-finished" && e.layer === 0).map((e) => (e.type === "agent-finished" ? e.text : ""));
    for (const text of proposerTexts) expect(aggregatorBody).toContain(JSON.stringify(text.slice(0, 30)).slice(1, -1));
    expect(JSON.stringify(events)).not.toContain("sk-test-secret-123");
  } finally {
    await fake.close();
  }
});
