import { expect, test, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";
import { settledText } from "./support/answers";

/**
 * The playground as a person uses it, on simulated models (the app runs with MOA_SIM_SPEED,
 * see playwright.config.ts). The board is seeded through its persisted localStorage state.
 */


type Layers = string[][];

const DEFAULT_LAYERS: Layers = [["sim:falcon", "sim:heron", "sim:otter"], ["sim:falcon", "sim:heron", "sim:otter"], ["sim:owl"]];
// Slow enough to stop mid-stream even when the simulator runs several times faster.
const SLOW_LAYERS: Layers = [["sim:falcon?tps=2&tokens=400", "sim:heron?tps=2&tokens=400"], ["sim:owl"]];


const columns = (page: Page) => page.getByRole("region", { name: /^Layer \d+ · Agent \d+ · .+/ });
const column = (page: Page, layer: number, agent: number) =>
  page.getByRole("region", { name: new RegExp(`^Layer ${layer} · Agent ${agent} · `) });
const finalAnswer = (page: Page) => page.getByRole("region", { name: "Final answer", exact: true });

async function ask(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

test("a run streams text into every column and the final answer", async ({ page }) => {
  await seedBoard(page, DEFAULT_LAYERS);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "MoA Playground" })).toBeVisible();

  await ask(page, "Why is the sky blue?");

  await expect(columns(page)).toHaveCount(7);
  await expect(page.getByRole("region", { name: "Layer 1 · Agent 1 · Falcon (simulated)", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Layer 3 · Agent 1 · Owl (simulated)", exact: true })).toBeVisible();
  await expect(finalAnswer(page).getByTestId("final-text")).toHaveText(/\w+(\s+\w+){10,}/, { timeout: 45_000 });
  for (const region of await columns(page).all()) {
    await expect(region.getByTestId("agent-text")).toHaveText(/\w+(\s+\w+){5,}/);
    await expect(region.getByText("done", { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Copy final answer" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeDisabled();
});

test("a follow-up continues the conversation with the previous answer", async ({ page }) => {
  await seedBoard(page, DEFAULT_LAYERS);
  await page.goto("/");
  await ask(page, "Name a colour.");
  await expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 45_000 });
  const firstAnswer = await settledText(finalAnswer(page).getByTestId("final-text"));

  await ask(page, "Now a shorter answer, please.");
  // Direct children only: an answer's markdown may hold lists of its own.
  const turns = page.getByRole("list", { name: "Conversation" }).locator(":scope > li");
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toContainText("Name a colour.");
  await expect(turns.nth(1)).toContainText(firstAnswer.split("\n")[0].slice(0, 30));
  await expect(turns.nth(2)).toContainText("Now a shorter answer, please.");
  await expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 45_000 });
});

test("Stop mid-run shows stopped and no more text arrives", async ({ page }) => {
  await seedBoard(page, SLOW_LAYERS);
  await page.goto("/");
  await ask(page, "Tell me a long story.");

  const first = column(page, 1, 1);
  await expect(first.getByTestId("agent-text")).toHaveText(/\w+\s+\w+\s+\w+/, { timeout: 20_000 });
  await page.getByRole("button", { name: "Stop", exact: true }).click();

  await expect(first.getByText("stopped", { exact: true })).toBeVisible();
  await expect(column(page, 1, 2).getByText("stopped", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").getByText("Stopped")).toBeVisible();

  const frozen = await first.getByTestId("agent-text").innerText();
  await page.waitForTimeout(1_500);
  expect(await first.getByTestId("agent-text").innerText()).toBe(frozen);
  await expect(finalAnswer(page)).toContainText("Stopped");
});

test("dark mode toggles, and the choice survives a reload", async ({ page }) => {
  await seedBoard(page, DEFAULT_LAYERS);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const toggle = page.getByRole("button", { name: "Toggle dark mode" });

  await expect(html).not.toHaveClass(/\bdark\b/);
  await toggle.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await toggle.click();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("keyboard: Ctrl+Enter runs, the shortcuts are listed in the help popover", async ({ page }) => {
  await seedBoard(page, DEFAULT_LAYERS);
  await page.goto("/");
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Run the prompt");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  const box = page.getByRole("textbox", { name: /prompt/i });
  await box.fill("What is 2 + 2?");
  await box.press("Control+Enter");
  await expect(finalAnswer(page).getByTestId("final-text")).toHaveText(/\w+/, { timeout: 45_000 });
});
