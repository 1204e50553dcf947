import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A server that dies mid-run (SIGKILL: no shutdown hook runs) and comes back on the same
 * data folder closes the run as interrupted, keeping the text it had streamed. This test
 * starts its own server so that it can kill it.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startServer(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    // Its own process group, so the kill reaches any worker it forks.
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", MOA_DATA_DIR: dataDir, MOA_SIM_SPEED: "1", MOA_STORE: "" },
  });
}

async function waitReady(base: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/models`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${base} did not start`);
}

function kill(server: ChildProcess | undefined): void {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {
    server.kill("SIGKILL");
  }
}

type Exported = { events: { type: string; text?: string }[] };

/** The text of the run's one agent as the store holds it (what survives a crash). */
async function storedText(base: string, id: string): Promise<string> {
  const record = (await (await fetch(`${base}/api/runs/${id}/export?format=json`)).json()) as Exported;
  return record.events.filter((e) => e.type === "agent-delta").map((e) => e.text).join("");
}

test("a run whose server was killed shows as interrupted, with the text it had", async ({ page }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "moa-restart-"));
  let server: ChildProcess | undefined = startServer(port, dataDir);
  try {
    await waitReady(base);
    const started = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        config: { layers: [{ agents: [{ model: "sim:falcon?tps=3&tokens=400" }] }] },
        messages: [{ role: "user", content: "Tell me about lighthouses." }],
      }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };

    await expect.poll(async () => (await storedText(base, id)).split(/\s+/).length, { timeout: 30_000 }).toBeGreaterThan(8);
    const before = await storedText(base, id);
    kill(server);
    await new Promise((r) => server?.once("exit", r));

    server = startServer(port, dataDir);
    await waitReady(base);

    const state = (await (await fetch(`${base}/api/runs/${id}`)).json()) as { run: { status: string; agents: { text: string }[][] } };
    expect(state.run.status).toBe("interrupted");
    expect(state.run.agents[0][0].text.startsWith(before)).toBe(true);

    await page.goto(`${base}/r/${id}`);
    await expect(page.getByRole("status").getByText("Interrupted")).toBeVisible({ timeout: 30_000 });
    const column = page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTestId("agent-text");
    await expect(column).toContainText(before.trim().split(/\s+/).slice(0, 6).join(" "));
  } finally {
    kill(server);
    await rm(dataDir, { recursive: true, force: true });
  }
});
