import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { measureEventPath, PROPOSERS, TPS, type EventPathResult, type EventPathView } from "./lib/event-path";
import { startBuiltApp } from "./lib/next-server";
import type { Row } from "./lib/table";

/**
 * The event path as people see it, in Debian's Chromium: a viewer of a share link and the
 * run's owner in the playground, each on a full-speed CPU and on one slowed 4× (a student
 * laptop). See lib/event-path.ts for what is stamped where.
 */
const CASES: Array<{ view: EventPathView; cpuThrottle: number; p95Target: number; longTasks: boolean }> = [
  { view: "share", cpuThrottle: 1, p95Target: 50, longTasks: true },
  { view: "playground", cpuThrottle: 1, p95Target: 50, longTasks: true },
  { view: "share", cpuThrottle: 4, p95Target: 100, longTasks: false },
  { view: "playground", cpuThrottle: 4, p95Target: 100, longTasks: false },
];

const PAGE = { share: "share page /r/<id>", playground: "playground /c/<id> (owner)" };

function rowsOf(c: (typeof CASES)[number], r: EventPathResult | null, skip?: string): Row[] {
  const config = `${PROPOSERS} agents × ${TPS} tok/s, ${PAGE[c.view]}${c.cpuThrottle > 1 ? `, CPU ${c.cpuThrottle}× slower` : ""}`;
  const path: Row = {
    benchmark: "Event path: upstream token → browser DOM",
    config,
    measured: r ? `p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms (${r.samples} samples${r.backlog ? `; ${r.backlog} sent before the page was up left out` : ""})` : "-",
    target: `p95 ≤ ${c.p95Target} ms`,
    status: !r ? "skipped" : r.samples === 0 ? "not measured" : r.p95 <= c.p95Target ? "PASS" : "MISS",
    note:
      skip ??
      `SSE read in Node as the upstream stamp; DOM stamped by a MutationObserver${c.cpuThrottle > 1 ? `; CDP Emulation.setCPUThrottlingRate ${c.cpuThrottle}` : ""}; first token ${((r?.ttftMs ?? 0) / 1000).toFixed(1)} s after the run started`,
  };
  if (!c.longTasks) return [path];
  const tasks: Row = {
    benchmark: "Main-thread long tasks during the run",
    config,
    measured: r ? `${r.longTasksOver50} over 50 ms (longest ${r.longestTask.toFixed(0)} ms); frames > 50 ms: ${r.slowFrames} of ${r.frames}` : "-",
    target: "none > 50 ms",
    status: r ? (r.longTasksOver50 === 0 ? "PASS" : "MISS") : "skipped",
    note:
      skip ??
      `PerformanceObserver longtask + requestAnimationFrame gaps, from the first token on the page to the final answer; the page's load before it: ${r?.loadTasksOver50} long tasks > 50 ms`,
  };
  return [path, tasks];
}

export async function benchBrowser(): Promise<Row[]> {
  const skip = !existsSync(join(process.cwd(), ".next", "BUILD_ID")) ? "no .next build" : !existsSync("/usr/bin/chromium") ? "no /usr/bin/chromium" : null;
  if (skip) return CASES.flatMap((c) => rowsOf(c, null, skip));

  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const { base, child } = await startBuiltApp({ MOA_SIM_SPEED: "1" }, port);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const rows: Row[] = [];
    for (const c of CASES) rows.push(...rowsOf(c, await measureEventPath(browser, base, c)));
    return rows;
  } finally {
    await browser.close();
    child.kill("SIGTERM");
  }
}
