import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";
import { runOnPlayground } from "./support/runs";

/**
 * What a judge says about MoA, on simulated models: inside one run (the proposers ranked by a
 * judge against how much the final answer drew on each), and across runs (quality against cost
 * per setup, fed by the verdicts of a compare). The simulated judge scores answers against the
 * prompt's hidden key points and wrong claims, so proposers that know more get higher win rates.
 */

const FAST = "tps=400&ttft=20";
const fast = (name: string) => `sim:${name}?${FAST}`;


const RHO = /Spearman ρ = [−-]?\d\.\d\d \(n = 4\)/;

test.describe("judged quality", () => {
  test.describe.configure({ timeout: 120_000 });

  test("judges the proposers of a 2-layer run, shows win rates and ρ, and shows them again on the share link", async ({ page, browser }) => {
    await seedBoard(page, [[fast("falcon"), fast("heron"), fast("otter"), fast("orca")], [fast("owl")]]);
    await page.goto("/");
    const id = await runOnPlayground(page, "Why do leaves change colour in autumn?");

    const panel = page.getByRole("region", { name: "Judged quality" });
    await expect(panel.getByText("No judge has rated these proposers yet.")).toBeVisible();
    await expect(panel.getByLabel("Judge model")).toHaveValue("sim:owl");
    await panel.getByRole("button", { name: "Judge the proposers" }).click();
    await expect(panel.getByText("Judging 6 pairs in both orders (12 judge runs)…")).toBeVisible();

    const table = panel.getByRole("table", { name: "Proposer win rates and similarity to the final answer" });
    await expect(table.getByRole("row")).toHaveCount(5, { timeout: 60_000 });
    await expect(table.getByRole("row", { name: /#1 falcon/ })).toContainText(/\d+% \(\d–\d–\d\)/);
    const correlations = panel.getByRole("list", { name: "Spearman correlations" });
    await expect(correlations.getByRole("listitem")).toHaveCount(3);
    await expect(correlations.getByRole("listitem").filter({ hasText: "TF-IDF cosine" })).toContainText(RHO);

    // Anyone with the link sees the stored verdicts once the replay reaches the end.
    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(`/r/${id}`);
    const shared = viewer.getByRole("region", { name: "Judged quality" });
    await expect(shared.getByText("Judged by Owl (simulated)")).toBeVisible({ timeout: 60_000 });
    await expect(shared.getByRole("list", { name: "Spearman correlations" })).toContainText(RHO);
    // A viewer may read the verdicts, not replace them: no judge button, a note instead.
    await expect(shared.getByRole("button", { name: "Judge the proposers" })).toHaveCount(0);
    await expect(shared.getByText("Only the browser that made this run can judge its proposers")).toBeVisible();

    // The browser that made the run keeps the control on its own share link.
    await page.goto(`/r/${id}`);
    await expect(page.getByRole("region", { name: "Judged quality" }).getByRole("button", { name: "Judge the proposers" })).toBeVisible({ timeout: 60_000 });
  });

  test("a judged compare puts its setups on the Insights chart, with the Pareto front", async ({ page }) => {
    await seedBoard(page, [[fast("falcon"), fast("heron")], [fast("owl")]]);
    await page.goto("/insights");
    await expect(page.getByText("No judged runs yet.")).toBeVisible();

    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Compare" }).click();
    await page.getByLabel("Prompt", { exact: true }).fill("Why is the sky blue?");
    await page.getByRole("button", { name: "Compare 4 variants" }).click();
    await page.getByRole("button", { name: "Judge the answers" }).click({ timeout: 60_000 });
    await expect(page.getByRole("list", { name: "Verdicts" }).getByRole("listitem")).toHaveCount(6, { timeout: 60_000 });

    await page.getByRole("link", { name: "Insights" }).first().click();
    await expect(page.getByRole("table", { name: "Judged setups" }).getByRole("row")).toHaveCount(5);
    // Two series: every setup, then the Pareto front drawn over it (simulated costs are deterministic).
    const chart = page.getByTestId("quality-chart");
    const [setups, front] = [chart.locator(".recharts-scatter").first(), chart.locator(".recharts-scatter").last()];
    await expect(setups.locator(".recharts-scatter-symbol")).toHaveCount(4);
    await expect(front.locator(".recharts-scatter-line")).toBeVisible();
    expect(await front.locator(".recharts-scatter-symbol").count()).toBeGreaterThanOrEqual(2);
    // Latencies vary from run to run: the front is still drawn, with one point or more.
    await page.getByLabel("x axis").selectOption("latency");
    await expect(page.getByText("Quality vs latency")).toBeVisible();
    expect(await front.locator(".recharts-scatter-symbol").count()).toBeGreaterThanOrEqual(1);
  });
});
