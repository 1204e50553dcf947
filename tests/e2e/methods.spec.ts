import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";
import { runOnPlayground } from "./support/runs";

/** The method library from the board: the method picker, a method preset, and the Fusion map. */

const FAST = "tps=400&ttft=20";
const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`, `sim:otter?${FAST}`, `sim:lynx?${FAST}`], [`sim:owl?${FAST}`]];

test.describe("methods", () => {
  test.describe.configure({ timeout: 120_000 });

  test("Fusion draws its analysis as a disagreement map linked to the answers", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto("/");
    await page.getByLabel("Method").selectOption({ label: "Fusion" });
    await runOnPlayground(page, "Why is the sky blue?");

    const notes = page.getByRole("list", { name: "How this answer was made" });
    await expect(notes).toContainText("Fusion");
    await expect(notes).toContainText("OpenRouter Fusion");
    // The answer is the reply, not the analysis the aggregator wrote first.
    const answer = page.getByRole("region", { name: "Final answer" });
    await expect(answer).not.toContainText("<analysis>");
    await expect(answer).not.toContainText('"consensus"');

    const map = page.getByRole("table", { name: "Disagreement map" });
    await expect(map).toBeVisible();
    await expect(map.getByRole("rowgroup", { name: "Consensus" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Layer 2 aggregators against layer 1 answers/ })).toBeVisible();
    const cell = map.getByRole("button", { name: /^Answer \d: show Layer 1 · Agent \d$/ }).first();
    const [, agent] = (await cell.getAttribute("aria-label"))!.match(/Agent (\d)/)!;
    // The heatmap and the map side by side, as the Analysis panel shows them (their shared grid).
    await page.locator("section", { has: map }).locator("..").screenshot({ path: "docs/fusion-disagreement-map.png" });
    // The keyboard, not a click: the sticky header may cover a cell scrolled to the top.
    await cell.press("Enter");
    await expect(page.getByRole("region", { name: new RegExp(`^Layer 1 · Agent ${agent} · `) })).toBeFocused();
  });

  test("a method preset sets the board and the method; the run says which method and where it comes from", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Presets" }).click();
    await page.getByRole("button", { name: /^Universal Self-Consistency/ }).click();
    await expect(page.getByLabel("Method")).toHaveValue("usc");
    await runOnPlayground(page, "Why is the sky blue?");
    const notes = page.getByRole("list", { name: "How this answer was made" });
    await expect(notes).toContainText("arXiv 2311.17311");
    await expect(notes).toContainText(/chose answer \d of 6/);
  });
});
