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

  // Before the first token: the agents are thinking, the final aggregator waits.
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTitle("thinking")).toBeVisible({ timeout: 20_000 });
  expect(await endlessAnimations(page)).toEqual([]);

  // While the proposers stream (a caret at the end of each column's text).
  await expect(page.getByTestId("live-tail").first()).toBeVisible({ timeout: 20_000 });
  expect(await page.getByTestId("live-tail").count()).toBeGreaterThan(1);
  expect(await endlessAnimations(page)).toEqual([]);
});
