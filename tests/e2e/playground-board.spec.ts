import { expect, test, type Locator, type Page } from "@playwright/test";

/** dnd-kit needs real pointer moves: press, travel in steps past the activation distance, release. */
async function drag(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error("drag source is not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  const to = await target.boundingBox();
  if (!to) throw new Error("drop target is not visible");
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 16 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

const slot = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
const slotsOfLayer = (page: Page, layer: number) => page.getByRole("button", { name: new RegExp(`^Layer ${layer} slot \\d+: `) });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("/");
  // The default board for a new visitor: three simulated proposers, the same three aggregators, Owl as final.
  // The board renders after hydration; a cold server compiles and loads the model list first.
  await expect(slot(page, "Layer 1 slot 1: Falcon (simulated)")).toBeVisible({ timeout: 30_000 });
  await expect(slot(page, "Layer 3 slot 1: Owl (simulated)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Model Lynx (simulated)" })).toBeVisible();
});

test("drags a model from the palette into a proposer slot and onto a layer's add target", async ({ page }) => {
  await drag(page, page.getByRole("button", { name: "Model Lynx (simulated)" }), slot(page, "Layer 1 slot 2: Heron (simulated)"));
  await expect(slot(page, "Layer 1 slot 2: Lynx (simulated)")).toBeVisible();
  await expect(slotsOfLayer(page, 1)).toHaveCount(3);

  await drag(page, page.getByRole("button", { name: "Model Badger (simulated)" }), page.getByRole("button", { name: "Add a slot to layer 1" }));
  await expect(slot(page, "Layer 1 slot 4: Badger (simulated)")).toBeVisible();
});

test("moves a proposer into the aggregator layer", async ({ page }) => {
  await drag(page, slot(page, "Layer 1 slot 3: Otter (simulated)"), slot(page, "Layer 2 slot 1: Falcon (simulated)"));
  await expect(slot(page, "Layer 2 slot 1: Otter (simulated)")).toBeVisible();
  await expect(slotsOfLayer(page, 1)).toHaveCount(2);
  await expect(slotsOfLayer(page, 2)).toHaveCount(4);
});

test("drags with the keyboard: Space, arrows, Space", async ({ page }) => {
  await slot(page, "Layer 1 slot 1: Falcon (simulated)").focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Picked up Falcon (simulated) from layer 1 slot 1.")).toBeAttached();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(slotsOfLayer(page, 1)).toHaveCount(2);
  await expect(slot(page, "Layer 1 slot 1: Heron (simulated)")).toBeVisible();
  await expect(slotsOfLayer(page, 2)).toHaveCount(4);
  await expect(page.getByText(/Dropped Falcon \(simulated\) in layer 2 slot \d\./)).toBeAttached();
});

test("fills a slot without dragging and shows empty slots as problems", async ({ page }) => {
  await page.getByRole("button", { name: "Add a slot to layer 1" }).click();
  const empty = slot(page, "Layer 1 slot 4: empty");
  await expect(empty).toBeVisible();
  await expect(page.getByText("Slot empty: drag a model here").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "to fix before running" })).toBeVisible();

  await empty.click();
  await page.getByRole("dialog", { name: "Choose a model for layer 1 slot 4" }).getByRole("button", { name: /Orca/ }).click();
  await expect(slot(page, "Layer 1 slot 4: Orca (simulated)")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ready to run" })).toBeVisible();
});

test("keeps the board, agent settings and keys across a reload", async ({ page }) => {
  await drag(page, slot(page, "Layer 1 slot 3: Otter (simulated)"), slot(page, "Layer 2 slot 1: Falcon (simulated)"));
  await expect(slot(page, "Layer 2 slot 1: Otter (simulated)")).toBeVisible();

  await page.getByRole("button", { name: "Settings for layer 1 slot 1" }).click();
  await page.getByRole("textbox", { name: "System prompt" }).fill("Answer like a pirate");
  await page.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await expect(dialog).toBeVisible();
  const openai = dialog.getByLabel("OpenAI API key");
  await expect(openai).toHaveAttribute("type", "password");
  await openai.fill("sk-test-123");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(slot(page, "Layer 2 slot 1: Otter (simulated)")).toBeVisible({ timeout: 30_000 });
  await expect(slotsOfLayer(page, 1)).toHaveCount(2);
  await page.getByRole("button", { name: "Settings for layer 1 slot 1" }).click();
  await expect(page.getByRole("textbox", { name: "System prompt" })).toHaveValue("Answer like a pirate");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Settings" }).getByLabel("OpenAI API key")).toHaveValue("sk-test-123");
});

test("applies the MoA-Lite preset and says what stands in for the paper's models", async ({ page }) => {
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name: /MoA-Lite/ }).click();
  await expect(page.getByText("Applied MoA-Lite.")).toBeVisible();
  await expect(page.getByText(/Qwen1\.5-72B-Chat →/).first()).toBeVisible();
  await expect(slotsOfLayer(page, 1)).toHaveCount(6);
  await expect(slotsOfLayer(page, 2)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Final aggregator" })).toBeVisible();
  // Every agent is called as the paper's code calls it.
  await expect(page.getByRole("img", { name: "Custom settings: temperature 0.7, at most 2,048 output tokens", exact: true })).toHaveCount(7);
});
