import { test, expect } from "@playwright/test";
test("shot", async ({ page }) => {
  test.setTimeout(120_000);
  const FAST = "tps=400&ttft=20";
  const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:otter?${FAST}`, `sim:lynx?${FAST}`], [`sim:owl?${FAST}`]];
  const state = { version: 1, state: { layers: LAYERS.map((models, l) => ({ layerId: `layer-${l}`, slots: models.map((model, s) => ({ slotId: `slot-${l}-${s}`, model })) })) } };
  await page.addInitScript(([k, v]) => { localStorage.setItem(k, v); }, ["moa-board-v1", JSON.stringify(state)] as const);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("/");
  await page.locator("#moa-prompt").fill("Why is the sky blue?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByText("What the aggregators used")).toBeVisible({ timeout: 60_000 });
  await page.getByText("What the aggregators used").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/play.png" });
});
