/**
 * A job on a pasted key across a real `kill -9` of `next start` (PGlite): after the restart the
 * server no longer has the key, so the job pauses (nothing failed, nothing asked upstream without
 * the key); a viewer's page shows the pause and cannot resume it; the owner's page, opened with
 * the key in Settings, sends it again by itself and the job finishes. The key is not in the
 * server's output nor in the bytes of its data folder.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { OWNER_HEADER } from "@/lib/wire/owner";
import { startFakeOpenAI, type FakeOpenAI } from "../../fixtures/fake-openai-server";
import { buildMissing, killGroup, readSummary, startAppServer, waitForSummary, type AppServer } from "./app-server";

const reason = buildMissing();
// Inside this checkout's port range (3440-3449).
const PORT = Number(process.env.MOA_JOB_KEYS_TEST_PORT ?? 3441);
const KEY = `sk-restart-${randomBytes(12).toString("hex")}`;
const OWNER = "keys-restart-owner-".padEnd(43, "o");
const VIEWER = "keys-restart-viewer".padEnd(43, "v");

function plan(prompts: number) {
  return {
    id: "ignored",
    name: "pasted key across kill -9",
    createdAt: new Date(0).toISOString(),
    prompts: Array.from({ length: prompts }, (_, i) => ({ id: `p${i}`, prompt: `Question ${i}?` })),
    variants: [
      { id: "alpha", label: "Alpha", variant: "moa", config: { layers: [{ agents: [{ model: "compat:alpha" }] }] } },
      { id: "beta", label: "Beta", variant: "moa", config: { layers: [{ agents: [{ model: "compat:beta" }] }] } },
    ],
    reference: "beta",
    judge: "sim:owl?tps=4000&ttft=1&tokens=40",
  };
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

describe.skipIf(reason)(`a job on pasted keys across kill -9${reason ? ` [skipped: ${reason}]` : ""}`, () => {
  let dataDir: string;
  let server: AppServer | undefined;
  let fake: FakeOpenAI;
  let output = "";
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    if (server) killGroup(server.child, "SIGKILL");
    await fake?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("pauses after the restart and finishes once its owner sends the key again", async () => {
    fake = await startFakeOpenAI({ requireKey: KEY, defaultBehaviour: { ttftMs: 150, tokensPerSecond: 200, text: "A measured answer of a few words." } });
    const keys = { compat: KEY, compatBaseUrl: fake.baseUrl };
    dataDir = await mkdtemp(path.join(os.tmpdir(), "moa-job-keys-"));
    const env = { MOA_DATA_DIR: dataDir, MOA_JOB_CONCURRENCY: "2", MOA_ALLOW_PRIVATE_ENDPOINTS: "1", MOA_ACCESS_TOKEN: "server-access-token", OPENAI_COMPATIBLE_API_KEY: "" };
    server = await startAppServer(PORT, env);
    const posted = await fetch(`${server.base}/api/experiments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ plan: plan(12), owner: OWNER, keys }),
    });
    expect(posted.status).toBe(201);
    const { id, total } = (await posted.json()) as { id: string; total: number };
    expect(total).toBe(36);

    await waitForSummary(server.base, id, (s) => s.done >= 4, 120_000);
    killGroup(server.child, "SIGKILL");
    await server.exited;
    output += server.log();
    const askedBeforeRestart = fake.requests.length;

    server = await startAppServer(PORT, env);
    const paused = await waitForSummary(server.base, id, (s) => s.status !== "running", 60_000);
    expect(paused.status).toBe("paused");
    await new Promise((r) => setTimeout(r, 2_000));
    // Without the key nothing is asked upstream: no fallback to the server's compat key or none.
    expect(fake.requests.length).toBe(askedBeforeRestart);
    expect((await readSummary(server.base, id)).status).toBe("paused");

    const resume = (owner: string) =>
      fetch(`${server!.base}/api/experiments/${id}/resume`, {
        method: "POST",
        headers: { "content-type": "application/json", [OWNER_HEADER]: owner },
        body: JSON.stringify({ keys }),
      });
    expect((await resume(VIEWER)).status).toBe(403);

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    const pageUrl = `${server.base}/experiments?id=${id}`;
    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(pageUrl);
    await viewer.getByText("waits for its owner's keys").waitFor({ timeout: 60_000 });
    await viewer.close();
    expect((await readSummary(server.base, id)).status).toBe("paused");

    // The owner's browser: its secret and the pasted key where the page keeps them.
    const ownerContext = await browser.newContext();
    await ownerContext.addInitScript(
      ({ owner, keys }) => {
        localStorage.setItem("moa-owner", owner);
        localStorage.setItem("moa-settings-v1", JSON.stringify({ version: 1, state: { keys } }));
      },
      { owner: OWNER, keys },
    );
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto(pageUrl);

    const ended = await waitForSummary(server.base, id, (s) => s.status !== "running" && s.status !== "paused", 120_000);
    expect(ended).toMatchObject({ status: "finished", done: total, total });
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    // Every cell has a finished answer: none failed for want of the key.
    const results = (await (await fetch(`${server.base}/api/experiments/${id}/results`)).json()) as { progress: { runs: Record<string, { status: string }> } };
    const runs = Object.values(results.progress.runs);
    expect(runs).toHaveLength(24);
    expect(runs.every((r) => r.status === "finished")).toBe(true);

    killGroup(server.child, "SIGTERM");
    await server.exited;
    output += server.log();
    server = undefined;
    expect(output.length).toBeGreaterThan(0);
    expect(output.includes(KEY) || output.includes(KEY.slice(-12))).toBe(false);
    for await (const file of filesUnder(dataDir)) {
      const bytes = await readFile(file);
      expect(bytes.includes(KEY.slice(-12)), `${path.relative(dataDir, file)} holds the key`).toBe(false);
    }
  }, 420_000);
});
