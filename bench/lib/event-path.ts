import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { Browser } from "@playwright/test";
import { createParser } from "eventsource-parser";

/**
 * One live run watched in Chromium: 16 proposers streaming at once (a layer holds at most 16
 * agents) at a combined 3,200 tokens/s. A Node reader of the same SSE stream stamps when each
 * word left the server; the page stamps when the same word count reached its DOM. Both read
 * one machine clock (Date.now). The page also records main-thread long tasks and frame gaps
 * from the first token to the final answer. Words are counted after the run, on both sides,
 * so the measuring does not load the page or the reader while it streams.
 */
export const PROPOSERS = 16;
export const TPS = 200;
const TOKENS = 600;

/** `share`: a viewer on /r/<id>. `playground`: the run's owner on /c/<id> (the playground following it). */
export type EventPathView = "share" | "playground";

export interface EventPathOptions {
  view: EventPathView;
  /** Chromium's CPU slowdown factor (CDP Emulation.setCPUThrottlingRate); 1 = none. */
  cpuThrottle?: number;
  /** Writes a V8 CPU profile of the run here (for finding what the main thread does). */
  profilePath?: string;
  /** Writes a Chromium trace (devtools.timeline) of the run here: layout, style and paint too. */
  tracePath?: string;
}

export interface EventPathResult {
  p50: number;
  p95: number;
  samples: number;
  /** DOM samples of words sent before the page showed any: left out of the percentiles. */
  backlog: number;
  /** When the proposers' first token came: 2.5 s, or 2.5× the page's load time (× the CPU slowdown) when that is longer. */
  ttftMs: number;
  longTasksOver50: number;
  longestTask: number;
  /** Long tasks before the first token reached the page: its load, not the stream. */
  loadTasksOver50: number;
  slowFrames: number;
  frames: number;
}

/**
 * Installed in the page before its own scripts. A string, not a function: tsx would wrap a
 * function's inner closures in a helper that does not exist in the browser. Long tasks and
 * frames count from the first streamed text on, so a page's own load is not charged to the run.
 */
const PROBE = `
  window.__longTasks = []; window.__loadTasks = []; window.__frames = []; window.__dom = []; window.__streaming = false;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__streaming ? window.__longTasks : window.__loadTasks).push(e.duration))).observe({ type: "longtask", buffered: true });
  let last = performance.now();
  const frame = (now) => { if (window.__streaming) window.__frames.push(now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const lengths = new Map();
  window.__columnsAt = 0;
  new MutationObserver(() => {
    const at = Date.now();
    if (!window.__columnsAt && document.querySelector('[role="region"][aria-label^="Layer 1 · Agent"]')) window.__columnsAt = at;
    document.querySelectorAll('[role="region"][aria-label^="Layer 1 · Agent"]').forEach((region) => {
      const agent = /Agent (\\d+)/.exec(region.getAttribute("aria-label") || "")?.[1];
      const text = region.querySelector('[data-testid="agent-text"]')?.textContent || "";
      if (!agent || lengths.get(agent) === text.length) return;
      lengths.set(agent, text.length);
      window.__streaming = true;
      window.__dom.push(["0:" + (Number(agent) - 1), at, text]);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export function percentile(values: number[], p: number): number {
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

/** The proposers' first token: after the page has loaded, even on a slow or busy machine. */
function runConfig(ttftMs: number) {
  const pace = `ttft=${ttftMs}&tps=${TPS}&tokens=${TOKENS}`;
  const names = ["falcon", "heron", "otter", "lynx", "badger", "orca"];
  return {
    layers: [
      { agents: Array.from({ length: PROPOSERS }, (_, i) => ({ model: `sim:${names[i % names.length]}?${pace}`, temperature: i / 10 })) },
      { agents: [{ model: "sim:owl?ttft=50&tps=400&tokens=100" }] },
    ],
  };
}

export async function measureEventPath(browser: Browser, base: string, options: EventPathOptions): Promise<EventPathResult> {
  const owner = randomBytes(24).toString("base64url");
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(`localStorage.setItem("moa-owner", ${JSON.stringify(owner)});`);
    await page.addInitScript(PROBE);
    const loadStarted = Date.now();
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    // The run's page loads with the CPU slowed, this one did not.
    const ttftMs = Math.max(2_500, Math.ceil((Date.now() - loadStarted) * 2.5 * (options.cpuThrottle ?? 1)));
    const cdp = await context.newCDPSession(page);
    if (options.cpuThrottle && options.cpuThrottle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: options.cpuThrottle });

    const created = await fetch(`${base}/api/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ config: runConfig(ttftMs), owner, messages: [{ role: "user", content: "Explain how a refrigerator works." }] }),
    });
    const { id } = (await created.json()) as { id: string };
    const arrivals = new Map<string, Array<[number, number]>>();
    const serverSide = readServerSide(base, id, arrivals);
    await page.goto(options.view === "share" ? `${base}/r/${id}` : `${base}/c/${id}`);
    if (options.profilePath) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    if (options.tracePath) await browser.startTracing(page, { path: options.tracePath, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await serverSide;
    await page.getByTestId("final-text").filter({ hasText: /\w{3}/ }).first().waitFor({ timeout: 90_000 });
    await page.waitForTimeout(500);
    if (options.tracePath) await browser.stopTracing();
    if (options.profilePath) {
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(options.profilePath, JSON.stringify(profile));
    }

    const { longTasks, loadTasks, frames, dom, columnsAt } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __loadTasks: number[]; __frames: number[]; __dom: Array<[string, number, string]>; __columnsAt: number };
      return { longTasks: w.__longTasks, loadTasks: w.__loadTasks, frames: w.__frames, dom: w.__dom, columnsAt: w.__columnsAt };
    });
    // Words the server sent before the page drew the run's columns were waiting for the page
    // to load, not travelling the event path: they are counted apart (`backlog`). On a page
    // that loads in time (before the proposers' first token) there are none.
    const pageUp = columnsAt || Infinity;
    const latencies: number[] = [];
    let backlog = 0;
    const seen = new Map<string, number>();
    for (const [key, at, text] of dom) {
      const count = words(text);
      if (count <= (seen.get(key) ?? 0)) continue;
      seen.set(key, count);
      const sent = arrivals.get(key)?.find(([, n]) => n >= count)?.[0];
      if (sent === undefined) continue;
      if (sent < pageUp) backlog += 1;
      else latencies.push(Math.max(0, at - sent));
    }
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      samples: latencies.length,
      backlog,
      ttftMs,
      longTasksOver50: longTasks.filter((d) => d > 50).length,
      longestTask: longTasks.length ? Math.max(...longTasks) : 0,
      loadTasksOver50: loadTasks.filter((d) => d > 50).length,
      slowFrames: frames.filter((f) => f > 50).length,
      frames: frames.length,
    };
  } finally {
    await context.close();
  }
}
