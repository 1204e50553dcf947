import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";

const slot = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
const menu = (page: Page) => page.getByRole("dialog", { name: "Saved boards" });
const openMenu = async (page: Page) => {
  await page.getByRole("button", { name: "Saved boards" }).click();
  await expect(menu(page).getByText("Loading saved boards…")).toBeHidden();
};

async function v1ModelIds(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/api/v1/models");
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((m) => m.id);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await seedBoard(page, [["sim:falcon", "sim:heron"], ["sim:owl"]]);
  await page.goto("/");
  await expect(slot(page, "Layer 1 slot 1: Falcon (simulated)")).toBeVisible({ timeout: 30_000 });
});

test("saves the board under a name, renames it, loads it back and deletes it", async ({ page, request }) => {
  await openMenu(page);
  // A fresh browser has nothing saved, but the presets are there to load.
  await expect(menu(page).getByText("Nothing saved from this browser yet.")).toBeVisible();
  await expect(menu(page).getByRole("list", { name: "Built-in presets" }).getByText("moa/moa-lite")).toBeVisible();

  await menu(page).getByLabel("Save current board…").fill("My test board");
  await page.keyboard.press("Enter");
  const saved = menu(page).getByRole("listitem", { name: "My test board" });
  await expect(saved).toBeVisible();
  await expect(saved.getByText(/^moa\/my-test-board(-[a-z0-9]+)?$/)).toBeVisible();
  await expect(saved.getByText("2 → 1")).toBeVisible();
  const modelId = (await saved.locator("code").textContent())!.trim();
  expect(modelId).toMatch(/moa\/my-test-board/);

  // The slug is a model of the OpenAI-compatible API while the board exists.
  expect(await v1ModelIds(request)).toContain(modelId);

  await saved.getByRole("button", { name: "Rename My test board" }).click();
  const nameInput = menu(page).getByLabel("New name for My test board");
  await nameInput.fill("Birds board");
  await nameInput.press("Enter");
  const renamed = menu(page).getByRole("listitem", { name: "Birds board" });
  await expect(renamed.locator("code")).toHaveText(modelId);
  await expect(menu(page).getByRole("listitem", { name: "My test board" })).toHaveCount(0);

  // Change the board, then load the saved one back.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name: /Reset to the default board/ }).click();
  await expect(slot(page, "Layer 3 slot 1: Owl (simulated)")).toBeVisible();
  await expect(slot(page, "Layer 1 slot 3: Otter (simulated)")).toBeVisible();

  await openMenu(page);
  await menu(page).getByRole("button", { name: "Load Birds board" }).click();
  await expect(menu(page)).toBeHidden();
  await expect(slot(page, "Layer 1 slot 1: Falcon (simulated)")).toBeVisible();
  await expect(slot(page, "Layer 1 slot 2: Heron (simulated)")).toBeVisible();
  await expect(slot(page, "Layer 2 slot 1: Owl (simulated)")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Layer 3 slot / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Layer 1 slot 3: / })).toHaveCount(0);

  // Reopening in a reloaded page still finds it: it lives on the server under this browser's owner.
  await page.reload();
  await expect(slot(page, "Layer 1 slot 1: Falcon (simulated)")).toBeVisible({ timeout: 30_000 });
  await openMenu(page);
  const again = menu(page).getByRole("listitem", { name: "Birds board" });
  await again.getByRole("button", { name: "Delete Birds board" }).click();
  await again.getByRole("button", { name: "Yes, delete" }).click();
  await expect(menu(page).getByRole("listitem", { name: "Birds board" })).toHaveCount(0);
  await expect(menu(page).getByText("Nothing saved from this browser yet.")).toBeVisible();

  expect(await v1ModelIds(request)).not.toContain(modelId);
});

test("refuses to save a board with an empty final slot and says why", async ({ page }) => {
  await page.getByRole("button", { name: /^Empty .*layer 2 slot 1/i }).click();
  await openMenu(page);
  await expect(menu(page).getByLabel("Save current board…")).toBeDisabled();
  await expect(menu(page).getByText(/Can’t save yet/)).toBeVisible();
});
