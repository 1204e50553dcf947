import { expect, test } from "@playwright/test";
import { finalText } from "./support/answers";
import { seedBoard } from "./support/board";

/** Straggler control on the board: a layer can go on without its slowest agent. */

test.describe.configure({ timeout: 90_000 });

test("a quorum set on the board drops sim:sloth and the run finishes without waiting for it", async ({ page, request }) => {
  await seedBoard(page, [["sim:falcon", "sim:heron", "sim:sloth"], ["sim:owl"]]);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Stragglers in layer 1" }).selectOption("quorum");
  await expect(page.getByRole("spinbutton", { name: "Quorum k for layer 1" })).toHaveValue("2");
  await expect(page.getByText("first 2 answers")).toBeVisible();

  const started = page.waitForResponse((r) => r.url().endsWith("/api/runs") && r.request().method() === "POST");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill("Why is the sky blue?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const { id } = (await (await started).json()) as { id: string };
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 45_000 });
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 3 · Sloth/ }).getByText("skipped", { exact: true })).toBeVisible();

  const { run } = (await (await request.get(`/api/runs/${id}`)).json()) as {
    run: { config: { layers: { policy?: unknown }[] }; agents: { status: string; ttftMs?: number }[][]; durationMs: number };
  };
  expect(run.config.layers[0].policy).toEqual({ kind: "quorum", k: 2 });
  expect(run.agents[0].map((a) => a.status)).toEqual(["done", "done", "skipped"]);
});

test("a deadline set on the board is sent with the run", async ({ page }) => {
  await seedBoard(page, [["sim:falcon", "sim:sloth"], ["sim:owl"]]);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Stragglers in layer 1" }).selectOption("deadline");
  await page.getByRole("spinbutton", { name: "Deadline in ms for layer 1" }).fill("500");
  await expect(page.getByText("deadline 500 ms")).toBeVisible();
  const started = page.waitForRequest((r) => r.url().endsWith("/api/runs") && r.method() === "POST");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill("Why is the sky blue?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const body = (await started).postDataJSON() as { config: { layers: { policy?: unknown }[] } };
  expect(body.config.layers[0].policy).toEqual({ kind: "deadline", ms: 500 });
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 2 · Sloth/ }).getByText("skipped", { exact: true })).toBeVisible({ timeout: 30_000 });
});
