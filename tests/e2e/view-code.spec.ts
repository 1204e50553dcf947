import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/** Issue 19 item 4: the board's "View code" dialog. The snippets themselves are run against the route in tests/integration/v1/view-code.test.ts. */
test("View code shows the board as curl, TypeScript, Python and JSON; an unsaved board travels inline", async ({ page }) => {
  await seedBoard(page, [["sim:falcon", "sim:thinker"], ["sim:owl"]]);
  await page.goto("/");
  await page.getByRole("button", { name: "View code" }).click();
  const dialog = page.getByRole("dialog", { name: "Call this board from code" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Not saved");
  const code = dialog.getByTestId("code-snippet");
  await expect(code).toContainText(/curl http:\/\/127\.0\.0\.1:\d+\/api\/v1\/chat\/completions/);
  await expect(code).toContainText('"moa_config"');
  await dialog.getByRole("tab", { name: "TypeScript" }).click();
  await expect(code).toContainText('import OpenAI from "openai"');
  await expect(code).toContainText("moa_config: board");
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(code).toContainText('extra_body={"moa_config": board}');
  await dialog.getByRole("tab", { name: "Board JSON" }).click();
  expect(JSON.parse((await code.textContent()) ?? "")).toEqual({
    layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:thinker" }] }, { agents: [{ model: "sim:owl" }] }],
  });
  await expect(dialog.getByRole("button", { name: "Copy the Board JSON code" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
