import { expect, test, type Page } from "@playwright/test";
import { finalText } from "./support/answers";
import { seedBoard } from "./support/board";
import { graph } from "./support/graph";

/** What the page shows once a run has ended early or partly failed: nothing may look alive or successful. */

test.describe.configure({ timeout: 90_000 });

const node = (page: Page, id: string) => graph(page).locator(`.react-flow__node[data-id="${id}"] button`);
const edge = (page: Page, id: string) => graph(page).locator(`.react-flow__edge[data-id="${id}"]`);
const layerHeading = (page: Page, layer: number) => page.locator(`#layer-heading-${layer}`).locator("..");

async function ask(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

test("a failed proposer's edges do not look like delivered answers", async ({ page }) => {
  await seedBoard(page, [["sim:broken", "sim:falcon"], ["sim:owl"]]);
  await page.goto("/");
  await ask(page, "What is a prime number?");
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 45_000 });
  await expect(node(page, "a-0-0")).toHaveAttribute("aria-label", /, failed$/);
  await expect(edge(page, "e-0-0-0")).toHaveClass(/moa-edge-failed/);
  await expect(edge(page, "e-0-1-0")).toHaveClass(/moa-edge-done/);
});

test("after Stop nothing says running or waiting, even seconds later", async ({ page }) => {
  const slow = "sim:falcon?tps=2&tokens=400";
  await seedBoard(page, [[slow, "sim:heron?tps=2&tokens=400"], [slow, slow], ["sim:owl"]]);
  await page.goto("/");
  await ask(page, "Tell me a long story.");
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTestId("agent-text")).toHaveText(/\w+\s+\w+/, {
    timeout: 20_000,
  });
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(page.getByRole("status").getByText("Stopped")).toBeVisible();

  await page.waitForTimeout(5_000);
  for (const layer of [0, 1, 2]) {
    await expect(layerHeading(page, layer).getByText("running", { exact: true })).toHaveCount(0);
    await expect(layerHeading(page, layer).getByText("stopped", { exact: true })).toBeVisible();
  }
  await expect(page.getByText("waiting", { exact: true })).toHaveCount(0);
  await expect(node(page, "a-0-0")).toHaveAttribute("aria-label", /, stopped$/);
  await expect(node(page, "a-2-0")).toHaveAttribute("aria-label", /, not run$/);
});

test("after a failed run the later layers are not left waiting", async ({ page }) => {
  await seedBoard(page, [["sim:broken", "sim:broken"], ["sim:falcon"], ["sim:owl"]]);
  await page.goto("/");
  await ask(page, "Will this work?");
  await expect(page.getByRole("status").getByText("Failed")).toBeVisible({ timeout: 30_000 });
  await expect(node(page, "a-1-0")).toHaveAttribute("aria-label", /, not run$/);
  await expect(node(page, "a-2-0")).toHaveAttribute("aria-label", /, not run$/);
  await expect(page.getByText("waiting", { exact: true })).toHaveCount(0);
});
