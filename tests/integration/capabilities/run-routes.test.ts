/**
 * Who may do what with a run, route by route (docs/security.md): the share link (the run id)
 * reads; the owner secret the run was started with also stops, advances, judges-and-stores and
 * deletes. A viewer gets 403 `forbidden:owner`, the owner succeeds. Handlers are called directly
 * on the in-memory store with simulated models.
 */
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  delete process.env.MOA_ACCESS_TOKEN;
  delete process.env.MOA_SIM_SPEED;
});

import { POST as cancelRoute } from "@/app/api/runs/[id]/cancel/route";
import { POST as continueRoute } from "@/app/api/runs/[id]/continue/route";
import { GET as eventsRoute } from "@/app/api/runs/[id]/events/route";
import { GET as exportRoute } from "@/app/api/runs/[id]/export/route";
import { GET as verdictsRoute, POST as judgeRoute } from "@/app/api/runs/[id]/judge/route";
import { DELETE as deleteRoute, GET as runRoute } from "@/app/api/runs/[id]/route";
import { POST as importRoute } from "@/app/api/runs/import/route";
import { GET as listRoute, POST as startRoute } from "@/app/api/runs/route";
import { POST as judgeAnswersRoute } from "@/app/api/judge/route";
import { POST as completionsRoute } from "@/app/api/v1/chat/completions/route";
import { followRun } from "@/lib/runs/follow";
import { registry } from "@/lib/runs/process/registry";
import { getRunState } from "@/lib/runs/run-manager";

const OWNER = "the-teacher-".padEnd(43, "t");
const STUDENT = "a-student-with-a-secret-of-her-own-".padEnd(43, "s");
const FAST = "tps=2000&ttft=5";
const PROMPT = [{ role: "user", content: "Why do leaves change colour in autumn?" }];
const fast = (name: string) => ({ model: `sim:${name}?${FAST}` });
const slow = { model: "sim:sloth?tps=2&ttft=5" };

afterAll(async () => {
  for (const live of registry.liveRuns.values()) live.controller.abort("test over");
  await Promise.all(registry.executions.values());
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** `as`: undefined for a viewer holding only the link, else the owner secret sent in `x-moa-owner`. */
function call(method: string, url: string, as?: string, body?: unknown): Request {
  const headers: Record<string, string> = { "content-type": "application/json", ...(as && { "x-moa-owner": as }) };
  return new Request(`http://moa.test${url}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
}

async function start(layers: unknown[], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await startRoute(call("POST", "/api/runs", undefined, { config: { layers }, messages: PROMPT, owner: OWNER, ...extra }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function finished(layers: unknown[]): Promise<string> {
  const id = await start(layers);
  expect((await followRun(id, new AbortController().signal)).state.status).toBe("finished");
  return id;
}

async function expectForbidden(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("forbidden:owner");
  expect(error.message).toMatch(/Only the browser that started this run can \w+ it; a share link can watch it/);
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
}

describe("a viewer holding the share link reads", () => {
  it("GET /api/runs/{id}, its events, its export and its verdicts, and is told it may only read", async () => {
    const id = await finished([{ agents: [fast("falcon")] }]);
    const asViewer = await runRoute(call("GET", `/api/runs/${id}`), params(id));
    expect(asViewer.status).toBe(200);
    expect(await asViewer.json()).toMatchObject({ access: "read", run: { status: "finished" } });
    const asStudent = await runRoute(call("GET", `/api/runs/${id}`, STUDENT), params(id));
    expect((await asStudent.json()).access).toBe("read");
    const asOwner = await runRoute(call("GET", `/api/runs/${id}`, OWNER), params(id));
    expect((await asOwner.json()).access).toBe("owner");
    // A browser with a broken secret still reads the link.
    const garbled = await runRoute(call("GET", `/api/runs/${id}`, "short"), params(id));
    expect(garbled.status).toBe(200);
    expect((await garbled.json()).access).toBe("read");

    expect((await eventsRoute(call("GET", `/api/runs/${id}/events`), params(id))).status).toBe(200);
    expect((await exportRoute(call("GET", `/api/runs/${id}/export`), params(id))).status).toBe(200);
    expect((await verdictsRoute(call("GET", `/api/runs/${id}/judge`), params(id))).status).toBe(200);
  });
});

describe("what belongs to a browser", () => {
  it("GET /api/runs lists the caller's own runs only; without an owner secret, none", async () => {
    const id = await finished([{ agents: [fast("falcon")] }]);
    const ids = async (as?: string) => ((await (await listRoute(call("GET", "/api/runs?limit=50", as))).json()) as { runs: { id: string }[] }).runs.map((r) => r.id);
    expect(await ids(OWNER)).toContain(id);
    expect(await ids(STUDENT)).not.toContain(id);
    expect(await ids()).toEqual([]);
  });

  it("POST /api/runs/import makes a new run owned by the importer, never by the exported run's owner", async () => {
    const id = await finished([{ agents: [fast("falcon")] }]);
    const file = await (await exportRoute(call("GET", `/api/runs/${id}/export`), params(id))).json();
    const imported = await importRoute(call("POST", "/api/runs/import", STUDENT, file));
    expect(imported.status).toBe(201);
    const copy = ((await imported.json()) as { id: string }).id;
    expect((await (await runRoute(call("GET", `/api/runs/${copy}`, STUDENT), params(copy))).json()).access).toBe("owner");
    expect((await (await runRoute(call("GET", `/api/runs/${copy}`, OWNER), params(copy))).json()).access).toBe("read");
    expect((await importRoute(call("POST", "/api/runs/import", "too-short", file))).status).toBe(400);
  });

  it("POST /api/judge needs no run: anyone may judge texts, and the judge runs belong to the body's owner", async () => {
    const body = { conversation: PROMPT, answers: [{ label: "A", text: "Chlorophyll fades." }, { label: "B", text: "Leaves." }], judge: "sim:owl", owner: STUDENT };
    const response = await judgeAnswersRoute(call("POST", "/api/judge", undefined, body));
    expect(response.status).toBe(200);
    const [pair] = ((await response.json()) as { pairs: { runIds: string[] }[] }).pairs;
    const judgeRun = pair.runIds[0];
    expect((await (await runRoute(call("GET", `/api/runs/${judgeRun}`, STUDENT), params(judgeRun))).json()).access).toBe("owner");
  });
});

describe("only the owner changes a run", () => {
  it("POST /api/runs/{id}/cancel: 403 for a viewer (the run goes on), 200 for the owner", async () => {
    const id = await start([{ agents: [slow] }]);
    await expectForbidden(await cancelRoute(call("POST", `/api/runs/${id}/cancel`), params(id)));
    await expectForbidden(await cancelRoute(call("POST", `/api/runs/${id}/cancel`, STUDENT), params(id)));
    // Pending until its engine's turn comes (lib/runs/process/start-queue.ts), then running.
    expect((await getRunState(id)).status).toMatch(/^(pending|running)$/);

    const byOwner = await cancelRoute(call("POST", `/api/runs/${id}/cancel`, OWNER), params(id));
    expect(byOwner.status).toBe(200);
    expect(await byOwner.json()).toEqual({ status: "cancelled" });
  });

  it("POST /api/runs/{id}/continue: 403 for a viewer (the run stays paused), 200 for the owner", async () => {
    const id = await start([{ agents: [fast("falcon"), fast("heron")] }, { agents: [fast("owl")] }], { stepThrough: true });
    await waitUntil(async () => (await getRunState(id)).pausedBefore === 1);
    await expectForbidden(await continueRoute(call("POST", `/api/runs/${id}/continue`), params(id)));
    await expectForbidden(await continueRoute(call("POST", `/api/runs/${id}/continue`, STUDENT), params(id)));
    expect((await getRunState(id)).pausedBefore).toBe(1);

    const byOwner = await continueRoute(call("POST", `/api/runs/${id}/continue`, OWNER), params(id));
    expect(byOwner.status).toBe(200);
    expect(await byOwner.json()).toEqual({ layer: 1 });
    expect((await followRun(id, new AbortController().signal)).state.status).toBe("finished");
  });

  it("POST /api/runs/{id}/judge: 403 for a viewer (even naming itself owner in the body), 200 for the owner", async () => {
    const id = await finished([{ agents: ["falcon", "heron", "otter"].map(fast) }, { agents: [fast("owl")] }]);
    await expectForbidden(await judgeRoute(call("POST", `/api/runs/${id}/judge`, undefined, { judge: "sim:owl" }), params(id)));
    await expectForbidden(await judgeRoute(call("POST", `/api/runs/${id}/judge`, undefined, { judge: "sim:owl", owner: STUDENT }), params(id)));
    await expectForbidden(await judgeRoute(call("POST", `/api/runs/${id}/judge`, STUDENT, { judge: "sim:owl" }), params(id)));
    const stored = await verdictsRoute(call("GET", `/api/runs/${id}/judge`), params(id));
    expect((await stored.json()).verdicts).toEqual([]);

    const byOwner = await judgeRoute(call("POST", `/api/runs/${id}/judge`, OWNER, { judge: "sim:owl" }), params(id));
    expect(byOwner.status).toBe(200);
    expect((await byOwner.json()).verdicts).toHaveLength(3);
  });

  it("DELETE /api/runs/{id}: 403 for a viewer (the run stays), 204 for the owner", async () => {
    const id = await finished([{ agents: [fast("falcon")] }]);
    await expectForbidden(await deleteRoute(call("DELETE", `/api/runs/${id}`), params(id)));
    await expectForbidden(await deleteRoute(call("DELETE", `/api/runs/${id}`, STUDENT), params(id)));
    expect((await runRoute(call("GET", `/api/runs/${id}`), params(id))).status).toBe(200);

    expect((await deleteRoute(call("DELETE", `/api/runs/${id}`, OWNER), params(id))).status).toBe(204);
    expect((await runRoute(call("GET", `/api/runs/${id}`), params(id))).status).toBe(404);
  });

  it("a run started through /api/v1 belongs to the x-moa-owner sent, or to the fresh owner returned in X-MoA-Owner", async () => {
    const completion = (headers: Record<string, string>) =>
      completionsRoute(
        new Request("http://moa.test/api/v1/chat/completions", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ model: "moa/single", messages: PROMPT, stream: true }),
        }),
      );

    const sent = await completion({ "x-moa-owner": OWNER });
    expect(sent.status).toBe(200);
    expect(sent.headers.get("x-moa-owner")).toBeNull();
    const sentId = sent.headers.get("x-moa-run-id")!;
    await sent.body?.cancel();
    // Ownership is checked before anything else, so the answer does not depend on how far the run got.
    await expectForbidden(await cancelRoute(call("POST", `/api/runs/${sentId}/cancel`), params(sentId)));
    const asSender = await runRoute(call("GET", `/api/runs/${sentId}`, OWNER), params(sentId));
    expect((await asSender.json()).access).toBe("owner");

    const fresh = await completion({});
    const freshId = fresh.headers.get("x-moa-run-id")!;
    const freshOwner = fresh.headers.get("x-moa-owner");
    expect(freshOwner).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await fresh.body?.cancel();
    const asFreshOwner = await runRoute(call("GET", `/api/runs/${freshId}`, freshOwner!), params(freshId));
    expect((await asFreshOwner.json()).access).toBe("owner");
    const asOther = await runRoute(call("GET", `/api/runs/${freshId}`, OWNER), params(freshId));
    expect((await asOther.json()).access).toBe("read");
  });

  it("an unknown run is 404 for everyone, before any question of ownership", async () => {
    const id = "A".repeat(24);
    for (const route of [cancelRoute, continueRoute]) expect((await route(call("POST", "/x", OWNER), params(id))).status).toBe(404);
    expect((await deleteRoute(call("DELETE", "/x", OWNER), params(id))).status).toBe(404);
    expect((await judgeRoute(call("POST", "/x", OWNER, { judge: "sim:owl" }), params(id))).status).toBe(404);
  });
});
