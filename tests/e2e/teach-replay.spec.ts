import { expect, test } from "@playwright/test";
import { finalText } from "./support/answers";
import { finishedRun, layerTexts, THREE_LAYER_SIM_BOARD } from "./support/runs";

/** A teacher walks a class through a stored run from its share link, one layer at a time. */

const config = THREE_LAYER_SIM_BOARD;



// Each test runs a 3-layer simulated run to the end before replaying it.
test.describe.configure({ timeout: 90_000 });

test("a presenter link steps through a stored run layer by layer", async ({ page, request }) => {
  const id = await finishedRun(request, config, "Why do leaves change colour?");
  await page.goto(`/r/${id}?present=1`);

  await expect(page.getByRole("checkbox", { name: "Step through layers" })).toBeChecked();
  const caption = page.getByTestId("step-caption");
  await expect(caption).toHaveText("Each of the 2 aggregators now reads the 2 answers above and writes its own", { timeout: 30_000 });
  await expect(layerTexts(page, 1)).toHaveCount(2);
  for (const text of await layerTexts(page, 1).all()) await expect(text).toHaveText(/\w+/);
  // Held: layer 2 stays silent however long the class talks.
  await page.waitForTimeout(1_500);
  await expect(layerTexts(page, 2)).toHaveCount(0);
  await expect(finalText(page)).toHaveCount(0);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Space");
  await expect(caption).toHaveText("The final aggregator reads the 2 answers and writes the answer", { timeout: 30_000 });
  await expect(layerTexts(page, 2)).toHaveCount(2);
  for (const text of await layerTexts(page, 2).all()) await expect(text).toHaveText(/\w+/);
  await expect(finalText(page)).toHaveCount(0);

  await page.getByRole("button", { name: "Next layer" }).click();
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Next layer" })).toHaveCount(0);
});

test("a plain share link plays straight through; the toggle turns stepping on", async ({ page, request }) => {
  const id = await finishedRun(request, config, "What makes a good proof?");
  await page.goto(`/r/${id}`);
  const toggle = page.getByRole("checkbox", { name: "Step through layers" });
  await expect(toggle).not.toBeChecked();
  const replay = page.getByRole("group", { name: "Replay" });
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Next layer" })).toHaveCount(0);

  // Stepping on, then Replay: it starts over and waits before layer 2.
  await toggle.check();
  await replay.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByRole("button", { name: "Next layer" })).toBeVisible({ timeout: 30_000 });
  await expect(layerTexts(page, 2)).toHaveCount(0);
});

// React Flow listens for Space on the window (pan while held) and calls preventDefault; when the
// lazily loaded graph registered before the step controls, the press was swallowed. Draw the
// graph first on purpose, then hold, then press.
test("Space advances a held replay even when the layer graph was drawn before the hold", async ({ page, request }) => {
  const id = await finishedRun(request, config, "Why is the sea salty?");
  await page.goto(`/r/${id}`);
  await expect(page.getByRole("group", { name: /^Layer graph/ }).locator(".react-flow__node")).toHaveCount(5, { timeout: 30_000 });
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 30_000 });

  await page.getByRole("checkbox", { name: "Step through layers" }).check();
  await page.getByRole("group", { name: "Replay" }).getByRole("button", { name: "Replay" }).click();
  const caption = page.getByTestId("step-caption");
  await expect(caption).toHaveText("Each of the 2 aggregators now reads the 2 answers above and writes its own", { timeout: 30_000 });

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Space");
  await expect(caption).toHaveText("The final aggregator reads the 2 answers and writes the answer", { timeout: 30_000 });
  await expect(layerTexts(page, 2)).toHaveCount(2);
});

