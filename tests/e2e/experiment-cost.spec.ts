import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/**
 * Cost before launch and a hard budget, offline on simulated models (pretend prices): the
 * estimate shows before the job starts, the budget travels with it, and the progress shows
 * spent against that same estimate; a budget below the estimate asks first and then stops the job.
 */

const FAST = "tps=400&ttft=20";
const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:owl?${FAST}`]];
const PROMPTS = "Why is the sky blue?\nName three uses of a paperclip.";
const usd = /\$\d+(?:\.\d+)?/;

test.describe("experiment cost", () => {
  test.describe.configure({ timeout: 180_000 });

  test("shows the estimate before launch, sends the budget, and shows spent vs the same estimate", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Prompts, one per line").fill(PROMPTS);
    const estimate = setup.getByText(/^Estimated cost: \$/);
    await expect(estimate).toBeVisible();
    const before = (await estimate.textContent())!.match(usd)![0];
    await expect(setup.getByText("Simulated models: pretend prices, nothing is billed.")).toBeVisible();

    await setup.getByLabel("Budget (USD)").fill("5");
    await setup.getByRole("button", { name: "Run experiment" }).click();

    await expect(page.getByText("Done: 6 / 6 steps")).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(/^Spent \$[\d.]+ of an estimated/)).toContainText(`of an estimated ${before} · budget $5.00`);
    // The server holds the budget the page sent.
    const link = await page.getByRole("link", { name: "this experiment's link" }).getAttribute("href");
    const id = new URL(link ?? "", "http://x").searchParams.get("id");
    const { experiment } = await (await page.request.get(`/api/experiments/${id}`)).json();
    expect(experiment.budgetUsd).toBe(5);
    expect(experiment.costUsd).toBeGreaterThan(0);
  });

  test("asks before launching above the budget, then stops the job at the budget and says so", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Prompts, one per line").fill(PROMPTS);
    await setup.getByLabel("Budget (USD)").fill("0.0001");
    await setup.getByRole("button", { name: "Run experiment" }).click();

    const ask = setup.getByRole("alert");
    await expect(ask).toContainText(/The estimate \(\$[\d.]+\) is above your budget \(\$0\.0001\)/);
    await setup.getByRole("button", { name: "Cancel" }).click();
    await expect(ask).toBeHidden();
    await setup.getByRole("button", { name: "Run experiment" }).click();
    await setup.getByRole("button", { name: "Launch anyway" }).click();

    await expect(page.getByText(/^Stopped at its budget: \d \/ 6 steps/)).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole("alert").filter({ hasText: "Stopped by its budget" })).toContainText(/spent \$[\d.]+ of the \$0\.0001 budget after \d of 6 steps/);
  });
});
