import { expect, test, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";
import { runOnPlayground } from "./support/runs";

/**
 * The "How the simulation works" panel: the rules, every simulated model's parameters, and
 * after a run which hidden key points each answer carried; plus the per-slot skill tweaks and
 * the simulated judge's settings.
 */

const FAST = "tps=400&ttft=20";
const fast = (name: string) => `sim:${name}?${FAST}`;
const CODE_PROMPT = "Write a TypeScript function that returns the longest common prefix of an array of strings, with two example calls.";


/** A theme switch runs colour transitions: screenshots wait for them to end. */
async function setTheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

async function openPanel(page: Page) {
  const summary = page.locator("summary").filter({ hasText: "How the simulation works" });
  await summary.click();
  // The section's top at the top of the window, for the screenshots.
  await summary.evaluate((el) => el.scrollIntoView({ block: "start" }));
  const matrix = page.getByRole("table", { name: "Key points and wrong claims carried by each answer of the run" });
  await expect(matrix).toBeVisible();
  return matrix;
}

test.describe("simulation panel", () => {
  test.describe.configure({ timeout: 240_000 });

  test("after a code prompt: a fenced code answer, the parameters table and the carried-points matrix, also on the share page", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
    await seedBoard(page, [[fast("falcon"), fast("heron"), fast("orca")], [fast("owl")]]);
    await page.goto("/");
    const id = await runOnPlayground(page, CODE_PROMPT);

    const matrix = await openPanel(page);
    const params = page.getByRole("table", { name: "Parameters of the simulated models" });
    await expect(params.getByRole("rowheader", { name: /^Owl/ })).toContainText("in this run");
    await expect(params.getByRole("columnheader", { name: "Keep" })).toBeVisible();
    // Header row, three proposers and the final aggregator.
    await expect(matrix.getByRole("row")).toHaveCount(5);
    const finalRow = matrix.getByRole("row", { name: /^Final · Owl/ });
    await expect(finalRow).toContainText(/\d\/\d \(inputs had \d\)/);
    await expect(matrix.getByRole("columnheader", { name: "K1" })).toBeVisible();
    await expect(matrix.getByRole("columnheader", { name: "W1" })).toBeVisible();
    await page.getByRole("heading", { name: "The simulated models’ parameters" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "docs/sim-panel.png" });

    await setTheme(page, "dark");
    await page.screenshot({ path: "docs/sim-panel-dark.png" });

    const final = page.getByRole("region", { name: "Final answer" });
    await expect(final.locator("pre code").first()).toBeVisible();
    await expect(final.locator("pre code").first()).toContainText("function");
    await final.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/sim-code-answer-dark.png" });
    await setTheme(page, "light");
    await page.screenshot({ path: "docs/sim-code-answer.png" });

    await page.goto(`/r/${id}`);
    const shared = await openPanel(page);
    await expect(shared.getByRole("row")).toHaveCount(5);
    await expect(page.getByRole("region", { name: "Final answer" }).locator("pre code").first()).toBeVisible();
  });

  test("a slot's skill tweak shows on its card and its column, and the guide opens from the help popover", async ({ page }) => {
    await seedBoard(page, [[fast("falcon"), fast("heron")], [fast("owl")]]);
    await page.goto("/");
    await page.getByRole("button", { name: "Settings for layer 2 slot 1" }).click();
    const settings = page.getByRole("dialog", { name: "Settings for layer 2 slot 1" });
    await settings.getByText("Simulated skill").click();
    for (const name of ["Keep (as aggregator)", "Catch (as aggregator)"]) {
      const slider = settings.getByRole("slider", { name });
      await slider.focus();
      await slider.press("Home");
    }
    await settings.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "keep 0 · catch 0" })).toBeVisible();

    await runOnPlayground(page, "Why do leaves change colour in autumn?");
    const column = page.getByRole("region", { name: "Layer 2 · Agent 1 · Owl (simulated)" });
    await expect(column.getByRole("heading", { name: "Owl · keep 0 · catch 0" })).toBeVisible();

    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByRole("button", { name: "How the simulation works" }).click();
    const guide = page.getByRole("dialog", { name: "How the simulation works" });
    await expect(guide.getByText("This is a simulation, not real models.")).toBeVisible();
    const params = guide.getByRole("table", { name: "Parameters of the simulated models" });
    await expect(params.getByRole("rowheader", { name: /Owl \(keep 0 · catch 0\)/ })).toBeVisible();
    await expect(guide.getByRole("table", { name: "Key points and wrong claims carried by each answer of the run" })).toBeVisible();
  });

  test("a simulated judge's noise and length bias go into its id, the bias clearly labelled", async ({ page }) => {
    await page.goto("/experiments");
    // The page has two judges (the paper directions' and the setup's): take the setup's.
    const setup = page.getByRole("region", { name: "Experiment setup" });
    const judge = setup.getByLabel("Judge model");
    await expect(judge).toHaveValue("sim:owl");
    await setup.getByText("Simulated judge settings").click();
    const bias = setup.getByRole("slider", { name: "Length bias (demonstrates judge bias)" });
    await bias.focus();
    await bias.press("End");
    await expect(setup.getByText("Length-biased judge: longer answers win more often, whatever they say")).toBeVisible();
    await expect(setup.getByText("length bias 2")).toBeVisible();
    await expect(judge).toHaveValue("sim:owl");
  });
});
