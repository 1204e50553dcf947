import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/**
 * Compare, experiments and the analysis views, on simulated models at a fast pace (the app
 * runs with MOA_SIM_SPEED, see playwright.config.ts). The board is seeded through its
 * persisted localStorage state, as the playground would have left it.
 */

const FAST = "tps=400&ttft=20";
const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:owl?${FAST}`]];

/**
 * The same board with an aggregator slow enough that a job's MoA steps take seconds: the page
 * reloads while they run. With the fast one, a whole job could finish between two of the page's
 * one-second polls ("Running: 0 / 6", then "Done: 6 / 6").
 */
const SLOW_AGGREGATOR_LAYERS = [LAYERS[0], ["sim:owl?tps=4&ttft=20"]];


test.describe("analysis", () => {
  test.describe.configure({ timeout: 120_000 });

  test("compares MoA with its aggregator alone, the LLM-Ranker and the best proposer, side by side", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/compare");
    await page.getByLabel("Prompt", { exact: true }).fill("Why is the sky blue?");
    await page.getByRole("button", { name: "Compare 4 variants" }).click();

    const columns = [/^MoA \(2 layers\)$/, /^Aggregator alone/, /^LLM-Ranker/, /^Best proposer alone/];
    for (const name of columns) {
      const column = page.getByRole("region", { name });
      await expect(column.getByRole("status")).toHaveText("Finished", { timeout: 60_000 });
      await expect(column.getByLabel(/answer$/)).not.toHaveText(/No answer/);
      await expect(column.getByLabel(/figures$/)).toContainText("TFLOPs");
    }
    // The ranker answers with one proposer answer, verbatim, and says which.
    await expect(page.getByRole("region", { name: /^LLM-Ranker/ })).toContainText(/Picked Layer 1 · Agent \d's answer verbatim, candidate \d of the \d proposer answers/);

    // The judge compares every pair, each in both orders.
    await page.getByRole("button", { name: "Judge the answers" }).click();
    await expect(page.getByRole("list", { name: "Verdicts" }).getByRole("listitem")).toHaveCount(6, { timeout: 60_000 });
  });

  test("runs a small experiment as a server job, follows it again after a reload, and shows the table, chart and heatmap", async ({ page }) => {
    await seedBoard(page, SLOW_AGGREGATOR_LAYERS);
    await page.goto("/experiments");
    await page.getByLabel("Prompts, one per line").fill("What is 17 times 3?\nName a primary colour.");
    await expect(page.getByText("2 prompts", { exact: true })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /^MoA/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /^Best proposer alone/ })).toBeChecked();
    await expect(page.getByRole("region", { name: "Experiment setup" }).getByLabel("Judge model")).toHaveValue("sim:owl");
    await page.getByRole("button", { name: "Run experiment" }).click();

    // Reload mid-way: the job went on without the page, and its link (the address) shows it again.
    const progress = page.getByText(/\d+ \/ 6 steps/);
    await expect(progress).toHaveText(/: [1-5] \/ 6 steps/, { timeout: 60_000 });
    await page.reload();
    await expect(page.getByText("Done: 6 / 6 steps")).toBeVisible({ timeout: 90_000 });

    const table = page.getByRole("table", { name: "Experiment results" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row", { name: /MoA/ })).toContainText(/\d+%–\d+%/);
    await expect(page.getByTestId("quality-chart").locator("svg").first()).toBeVisible();

    // The heatmap of the first MoA run: one aggregator row against two proposer answers.
    const heatmap = page.getByRole("table", { name: /Layer 2 aggregators against layer 1 answers/ });
    await expect(heatmap.getByRole("cell")).toHaveCount(2);
    await page.getByRole("radio", { name: "Levenshtein" }).first().click();
    await expect(page.getByRole("table", { name: /\(Levenshtein\)/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Run figures" })).toContainText("critical");
  });

  test("starts the paper directions in one click: every comparison listed with what the paper found, stoppable", async ({ page }) => {
    await page.goto("/experiments");
    const card = page.getByRole("region", { name: "Paper directions" });
    await expect(card.getByLabel("Judge model")).toHaveValue("sim:owl");
    await card.getByRole("button", { name: "Run the paper directions" }).click();

    const comparisons = page.getByRole("table", { name: "Comparisons" });
    // A header and eleven comparisons (a, b ×3, c, d, e ×3, f ×2); g is the ρ table.
    await expect(comparisons.getByRole("row")).toHaveCount(12);
    await expect(comparisons.getByRole("row", { name: /^a\. MoA vs its best proposer alone/ })).toContainText("orca alone");
    await expect(comparisons).toContainText("synthesis beats selection");
    // A header and twelve variants.
    await expect(page.getByRole("table", { name: "Experiment results" }).getByRole("row")).toHaveCount(13);
    await expect(page.getByText(/Running: [1-9]\d* \/ 312 steps/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "Stop" }).click();
    // A stopped job is cancelled on the server: it says so, and nothing offers to go on.
    await expect(page.getByText(/Cancelled: \d+ \/ 312 steps/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Stop" })).toBeHidden();
  });
});
