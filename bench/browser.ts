import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { createParser } from "eventsource-parser";
import { startBuiltApp } from "./lib/next-server";
import type { Row } from "./lib/table";

/**
 * The event path as a viewer sees it: 16 proposers streaming at once (a layer holds at most
 * 16 agents) at a combined 3,200 tokens/s, watched on the share page in Debian's Chromium.
 * A Node reader of the same SSE stream stamps when each word left the server; the page
 * stamps when the same word count reached its DOM. Both read one machine clock (Date.now).
 * The page also records main-thread long tasks and frame gaps during the run. Words are
 * counted after the run, on both sides, so the measuring does not load the page or the
 * reader while it streams.
 */
const PROPOSERS = 16;
const TPS = 200;
const TOKENS = 600;
/**
 * Installed in the page before its own scripts. A string, not a function: tsx would wrap a
 * function's inner closures in a helper that does not exist in the browser.
 */
const PROBE = `
  window.__longTasks = []; window.__frames = []; window.__dom = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  let last = performance.now();
  const frame = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const lengths = new Map();
  new MutationObserver(() => {
    const at = Date.now();
    document.querySelectorAll('[role="region"][aria-label^="Layer 1 · Agent"]').forEach((region) => {
      const agent = /Agent (\\d+)/.exec(region.getAttribute("aria-label") || "")?.[1];
      const text = region.querySelector('[data-testid="agent-text"]')?.textContent || "";
      if (!agent || lengths.get(agent) === text.length) return;
      lengths.set(agent, text.length);
      window.__dom.push(["0:" + (Number(agent) - 1), at, text]);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Per agent: [arrival time, cumulative word count] as the SSE stream delivered them. */
async function readServerSide(base: string, id: string, arrivals: Map<string, Array<[number, number]>>): Promise<void> {
  const response = await fetch(`${base}/api/runs/${id}/events`);
  const deltas = new Map<string, Array<[number, string]>>();
  const parser = createParser({
    onEvent(message) {
      const event = JSON.parse(message.data);
      if (event.type !== "agent-delta") return;
      const key = `${event.layer}:${event.agent}`;
      const list = deltas.get(key) ?? [];
      list.push([Date.now(), event.text]);
      deltas.set(key, list);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
  for (const [key, list] of deltas) {
    let text = "";
    arrivals.set(key, list.map(([at, delta]) => [at, words((text += delta))]));
  }
}

export async function benchBrowser(): Promise<Row[]> {
  const rows = (measured: string[], status: Row["status"][], notes: string[]): Row[] => [
    { benchmark: "Event path: upstream token → browser DOM", config: `${PROPOSERS} agents × ${TPS} tok/s`, measured: measured[0], target: "p95 ≤ 50 ms", status: status[0], note: notes[0] },
    { benchmark: "Main-thread long tasks during the run", config: `${PROPOSERS} agents × ${TPS} tok/s`, measured: measured[1], target: "none > 50 ms", status: status[1], note: notes[1] },
  ];
  if (!existsSync(join(process.cwd(), ".next", "BUILD_ID"))) return rows(["-", "-"], ["skipped", "skipped"], ["no .next build", "no .next build"]);
  if (!existsSync("/usr/bin/chromium")) return rows(["-", "-"], ["skipped", "skipped"], ["no /usr/bin/chromium", "no /usr/bin/chromium"]);

  const { base, child } = await startBuiltApp({ MOA_SIM_SPEED: "1" });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.addInitScript(PROBE);
    await page.goto(`${base}/`, { waitUntil: "networkidle" });

    const pace = `ttft=2500&tps=${TPS}&tokens=${TOKENS}`;
    const names = ["falcon", "heron", "otter", "lynx", "badger", "orca"];
    const config = {
      layers: [
        { agents: Array.from({ length: PROPOSERS }, (_, i) => ({ model: `sim:${names[i % names.length]}?${pace}`, temperature: i / 10 })) },
        { agents: [{ model: "sim:owl?ttft=50&tps=400&tokens=100" }] },
      ],
    };
    const created = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ config, messages: [{ role: "user", content: "Explain how a refrigerator works." }] }),
    });
    const { id } = (await created.json()) as { id: string };
    const arrivals = new Map<string, Array<[number, number]>>();
    const serverSide = readServerSide(base, id, arrivals);
    await page.goto(`${base}/r/${id}`);
    await serverSide;
    await page.getByTestId("final-text").filter({ hasText: /\w{3}/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);

    const { longTasks, frames, dom } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __frames: number[]; __dom: Array<[string, number, string]> };
      return { longTasks: w.__longTasks, frames: w.__frames, dom: w.__dom };
    });
    const latencies: number[] = [];
    const seen = new Map<string, number>();
    for (const [key, at, text] of dom) {
      const count = words(text);
      if (count <= (seen.get(key) ?? 0)) continue;
      seen.set(key, count);
      const sent = arrivals.get(key)?.find(([, n]) => n >= count)?.[0];
      if (sent !== undefined) latencies.push(Math.max(0, at - sent));
    }
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const longest = longTasks.length ? Math.max(...longTasks) : 0;
    const over50 = longTasks.filter((d) => d > 50).length;
    const slowFrames = frames.filter((f) => f > 50).length;
    return rows(
      [`p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (${latencies.length} samples)`, `${over50} over 50 ms (longest ${longest.toFixed(0)} ms); frames > 50 ms: ${slowFrames} of ${frames.length}`],
      [p95 <= 50 ? "PASS" : "MISS", over50 === 0 ? "PASS" : "MISS"],
      [
        "share page of a live run; SSE read in Node as the upstream stamp; DOM stamped by a MutationObserver",
        "PerformanceObserver longtask + requestAnimationFrame gaps, from page load to the final answer",
      ],
    );
  } finally {
    await browser.close();
    child.kill("SIGTERM");
  }
}
