import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "20";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { GET, POST } from "@/app/api/configs/route";
import { DELETE, PATCH } from "@/app/api/configs/[slug]/route";
import { POST as complete } from "@/app/api/v1/chat/completions/route";
import { GET as listModels } from "@/app/api/v1/models/route";

/** The paper's presets, then the method library's (lib/presets). */
const BUILT_IN = ["moa", "moa-gpt-4o", "moa-lite", "single", "self-moa", "self-moa-seq", "ranker", "rank-fuse", "usc", "smoa", "rmoa", "fusion", "council"];
import { getRunState } from "@/lib/runs/run-manager";

const alice = "a".repeat(40);
const bob = "b".repeat(40);
const board = { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:owl" }] }, { agents: [{ model: "sim:heron", temperature: 0.2 }] }] };

function call(method: string, path: string, owner?: string, body?: unknown): Request {
  return new Request(`http://moa.test${path}`, {
    method,
    headers: { "content-type": "application/json", ...(owner && { "x-moa-owner": owner }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

async function save(owner: string, name: string, extra: Record<string, unknown> = {}) {
  const response = await POST(call("POST", "/api/configs", owner, { name, config: board, ...extra }));
  return { status: response.status, body: await response.json() };
}

async function slugsOf(owner?: string): Promise<string[]> {
  const { configs } = await (await GET(call("GET", "/api/configs", owner))).json();
  return configs.map((c: { slug: string }) => c.slug);
}

describe("/api/configs", () => {
  it("lists the presets for everyone, mapped to reachable (simulated) models", async () => {
    const { configs } = await (await GET(call("GET", "/api/configs"))).json();
    expect(configs.map((c: { slug: string }) => c.slug)).toEqual(BUILT_IN);
    const lite = configs.find((c: { slug: string }) => c.slug === "moa-lite");
    expect(lite.builtIn).toBe(true);
    expect(lite.config.layers.map((l: { agents: unknown[] }) => l.agents.length)).toEqual([6, 1]);
    expect(lite.config.layers[0].agents[0].model).toMatch(/^sim:/);
  });

  it("saves a board under a kebab-case slug, de-duplicated, and lists it for its owner only", async () => {
    const first = await save(alice, "Quick Trio!");
    expect(first.status).toBe(201);
    expect(first.body.slug).toBe("quick-trio");
    expect(first.body.config.config).toEqual(board);
    expect((await save(bob, "quick trio")).body.slug).toBe("quick-trio-2");
    // Preset slugs are taken by the built-ins.
    expect((await save(alice, "MoA Lite")).body.slug).toBe("moa-lite-2");

    expect(await slugsOf(alice)).toEqual([...BUILT_IN, "moa-lite-2", "quick-trio"]);
    expect(await slugsOf(bob)).toEqual([...BUILT_IN, "quick-trio-2"]);
  });

  it("keeps the preset name but never keys from the settings", async () => {
    const { body } = await save(alice, "With settings", { settings: { preset: "moa-lite", keys: { openai: "sk-secret" } }, keys: { openai: "sk-2" } });
    expect(body.config.settings).toEqual({ preset: "moa-lite" });
    expect(JSON.stringify(await (await GET(call("GET", "/api/configs", alice))).json())).not.toContain("sk-");
  });

  it("refuses an invalid board, a missing owner and an empty name with 400", async () => {
    const invalid = await POST(call("POST", "/api/configs", alice, { name: "Bad", config: { layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }] } }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/final aggregator/);
    expect((await POST(call("POST", "/api/configs", undefined, { name: "x", config: board }))).status).toBe(400);
    expect((await POST(call("POST", "/api/configs", alice, { name: "  ", config: board }))).status).toBe(400);
  });

  it("renames without changing the slug, and only for the owner", async () => {
    const { body } = await save(alice, "Draft board");
    const renamed = await PATCH(call("PATCH", `/api/configs/${body.slug}`, alice, { name: "Final board" }), params(body.slug));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ slug: "draft-board", config: { name: "Final board" } });
    const stolen = await PATCH(call("PATCH", `/api/configs/${body.slug}`, bob, { name: "Mine now" }), params(body.slug));
    expect(stolen.status).toBe(404);
    const preset = await PATCH(call("PATCH", "/api/configs/moa", alice, { name: "x" }), params("moa"));
    expect(preset.status).toBe(409);
  });

  it("deletes only for the owner", async () => {
    const { body } = await save(alice, "Short lived");
    expect((await DELETE(call("DELETE", `/api/configs/${body.slug}`, bob), params(body.slug))).status).toBe(404);
    expect(await slugsOf(alice)).toContain("short-lived");
    expect((await DELETE(call("DELETE", `/api/configs/${body.slug}`, alice), params(body.slug))).status).toBe(204);
    expect(await slugsOf(alice)).not.toContain("short-lived");
    expect((await DELETE(call("DELETE", `/api/configs/${body.slug}`, alice), params(body.slug))).status).toBe(404);
  });

  it("makes a saved board a model of /api/v1, runnable by slug without the owner", async () => {
    const { body } = await save(alice, "API board", { settings: { preset: "moa-lite" } });
    const { data } = await (await listModels(call("GET", "/api/v1/models"))).json();
    const model = data.find((m: { id: string }) => m.id === "moa/api-board");
    expect(model).toMatchObject({ object: "model", owned_by: "user", moa: { name: "API board", layers: [["sim:falcon", "sim:owl"], ["sim:heron"]] } });

    const response = await complete(
      call("POST", "/api/v1/chat/completions", undefined, { model: `moa/${body.slug}`, messages: [{ role: "user", content: "Hi" }] }),
    );
    expect(response.status).toBe(200);
    const state = await getRunState(response.headers.get("x-moa-run-id")!);
    expect(state.config).toEqual(board);
    expect(state.agents.flat().map((a) => a.model)).toEqual(["sim:falcon", "sim:owl", "sim:heron"]);
  });
});
