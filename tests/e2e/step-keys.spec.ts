import { expect, test, type Page } from "@playwright/test";
import { finalText } from "./support/answers";
import { finishedRun, layerTexts, THREE_LAYER_SIM_BOARD } from "./support/runs";

/**
 * A presenter ticks "Step through layers" and then drives the replay with a clicker
 * (PageDown / ArrowRight / Space) while focus is still on that checkbox.
 */

const config = THREE_LAYER_SIM_BOARD;

test.describe.configure({ timeout: 90_000 });



/**
 * Ticks stepping by clicking it once the replay has ended, replays from the start and puts
 * focus back on the checkbox, as it is right after ticking it mid-replay; waits for the hold.
 */
async function tickDuringReplay(page: Page, id: string) {
  await page.goto(`/r/${id}`);
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 30_000 });
  const toggle = page.getByRole("checkbox", { name: "Step through layers" });
  await toggle.click();
  await expect(toggle).toBeChecked();
  await page.getByRole("group", { name: "Replay" }).getByRole("button", { name: "Replay" }).click();
  await toggle.focus();
  await expect(page.getByTestId("step-caption")).toHaveText(/aggregators now read/, { timeout: 30_000 });
  await expect(toggle).toBeFocused();
  return toggle;
}

for (const [first, second] of [
  ["PageDown", "Space"],
  ["ArrowRight", "PageDown"],
  ["Space", "ArrowRight"],
] as const) {
  test(`clicker keys advance from the ticked checkbox: ${first}, then ${second}`, async ({ page, request }) => {
    const id = await finishedRun(request, config, `Why do we dream? (${first})`);
    const toggle = await tickDuringReplay(page, id);
    await expect(layerTexts(page, 2)).toHaveCount(0);

    await page.keyboard.press(first);
    await expect(page.getByTestId("step-caption")).toHaveText("The final aggregator reads the 2 answers and writes the answer", { timeout: 30_000 });
    await expect(layerTexts(page, 2)).toHaveCount(2);
    // Still stepping: the replay holds before the final layer instead of running on.
    await expect(toggle).toBeChecked();
    await expect(finalText(page)).toHaveCount(0);

    await page.keyboard.press(second);
    await expect(finalText(page)).toHaveText(/\w+/, { timeout: 30_000 });
    await expect(toggle).toBeChecked();
  });
}
