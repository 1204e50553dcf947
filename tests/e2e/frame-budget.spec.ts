import { expect, test, type Page } from "@playwright/test";

/**
 * Between two tokens a live page should have nothing to do. Every animation that runs forever
 * (a pulsing status dot per agent, a blinking caret per column, a spinner) makes the browser
 * restyle and repaint every frame for the whole run: with 16 agents on a slow laptop that
 * alone kept the main thread ~10% busy before the first token arrived.
 */
// The e2e server runs the sim 4× faster (playwright.config.ts): 8 s thinking, then 4 s of streaming.
const SLOW = "ttft=32000&tps=10&tokens=160";
const BOARD = {
  layers: [
    { agents: ["falcon", "heron", "otter", "lynx"].map((name) => ({ model: `sim:${name}?${SLOW}` })) },
    { agents: [{ model: `sim:owl?${SLOW}` }] },
  ],
};

/** Animations that never end, on elements and their ::before/::after, as the page runs them now. */
const endlessAnimations = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().iterations === Infinity)
      .map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return `${target?.tagName.toLowerCase()}.${String(target?.getAttribute("class")).slice(0, 60)}${(a.effect as KeyframeEffect | null)?.pseudoElement ?? ""}`;
      }),
  );

test("a live run animates nothing forever: thinking, streaming and waiting agents are drawn still", async ({ page, request }) => {
  const created = await request.post("/api/runs", { data: { config: BOARD, messages: [{ role: "user", content: "Explain how a refrigerator works." }] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/r/${id}`);

  // Before the first token: the agents are thinking, the final aggregator waits. The graph's
  // placeholder pulses while its code loads, which on a busy machine can outlast the first status.
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTitle("thinking")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".react-flow")).toBeVisible();
  expect(await endlessAnimations(page)).toEqual([]);

  // While the proposers stream (a caret at the end of each column's text).
  await expect(page.getByTestId("live-tail").first()).toBeVisible({ timeout: 20_000 });
  expect(await page.getByTestId("live-tail").count()).toBeGreaterThan(1);
  expect(await endlessAnimations(page)).toEqual([]);
});

/**
 * Counts what React adds to the agents' columns inside the animation frame that folds a batch
 * of events (the frame batcher's requestAnimationFrame callback and the microtasks it queues,
 * where a synchronous store update renders) and outside it. The DOM change a frame must make,
 * the streaming tail's text, is no element: only renders add elements.
 */
function countColumnRenders() {
  const w = window as unknown as { __inFrame: number; __outside: number };
  w.__inFrame = 0;
  w.__outside = 0;
  const inColumn = (node: Node) => node instanceof Element && node.closest('[role="region"][aria-label^="Layer "]') !== null;
  const count = (records: MutationRecord[], key: "__inFrame" | "__outside") => {
    for (const record of records) for (const added of record.addedNodes) if (added instanceof Element && inColumn(record.target)) w[key] += 1;
  };
  const observer = new MutationObserver((records) => count(records, "__outside"));
  observer.observe(document, { childList: true, subtree: true });
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    request((time) => {
      count(observer.takeRecords(), "__outside");
      callback(time);
      // Queued after whatever the callback queued: React's synchronous render runs first.
      queueMicrotask(() => count(observer.takeRecords(), "__inFrame"));
    });
}

test("a live run's columns render between frames, never inside the frame that folds the stream", async ({ page, request }) => {
  const pace = "ttft=24000&tps=40&tokens=300";
  const config = { layers: [{ agents: ["falcon", "heron", "otter", "lynx", "badger", "orca"].map((name) => ({ model: `sim:${name}?${pace}` })) }, { agents: [{ model: "sim:owl?ttft=50&tps=400&tokens=60" }] }] };
  await page.addInitScript(countColumnRenders);
  const created = await request.post("/api/runs", { data: { config, messages: [{ role: "user", content: "Explain how a refrigerator works." }] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/r/${id}`);
  // Watched live from before the first token: every column goes through its statuses on this page.
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTitle("thinking")).toBeVisible({ timeout: 20_000 });

  await expect(page.getByTestId("final-text")).toContainText(/\w{3}/, { timeout: 30_000 });
  const { inFrame, outside } = await page.evaluate(() => {
    const w = window as unknown as { __inFrame: number; __outside: number };
    return { inFrame: w.__inFrame, outside: w.__outside };
  });
  expect(inFrame).toBe(0);
  // The columns did render (statuses, finished blocks), just not inside a frame's fold.
  expect(outside).toBeGreaterThan(0);
});
