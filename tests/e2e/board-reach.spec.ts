import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/** A model the server has no key for is flagged on the board before Run, not after. */

test("GPT-4o mini without an OpenAI key is not ready to run until a key is pasted", async ({ page }) => {
  await seedBoard(page, [["openai:gpt-4o-mini", "sim:falcon"], ["sim:owl"]]);
  await page.goto("/");
  const status = page.getByRole("status").filter({ hasText: /to fix before running|Ready to run/ });
  await expect(status).toContainText("No OpenAI key: add one in Settings or pick another model");
  await expect(status).not.toContainText("Ready to run");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill("Hello?");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeDisabled();

  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("OpenAI API key").fill("sk-test-not-a-real-key");
  await page.getByRole("button", { name: "Close settings" }).click();
  await expect(status).toContainText("Ready to run");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
});
