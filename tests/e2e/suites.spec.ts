import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/**
 * Benchmark suites and ablation grids, offline: a MATH file written here is imported and
 * scored by exact match (no judge), and an ablation grid starts in one click with the paper's
 * figures beside ours. Simulated models only.
 */

const FAST = "tps=400&ttft=20";
const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:owl?${FAST}`]];

// Two problems in MATH's published shape (problem + solution with a boxed answer): written by the test, not benchmark data.
const MATH_FIXTURE = [
  { problem: "What is $\\frac{1}{4}+\\frac{1}{4}$?", solution: "Adding, $\\boxed{\\frac{1}{2}}$.", level: "Level 1", type: "Prealgebra" },
  { problem: "Compute $3\\cdot 4$.", solution: "$3\\cdot 4 = \\boxed{12}$.", level: "Level 1", type: "Prealgebra" },
]
  .map((r) => JSON.stringify(r))
  .join("\n");

// Two questions in MT-Bench's question.jsonl shape, written by the test.
const MT_BENCH_FIXTURE = [
  { question_id: 901, category: "writing", turns: ["Write a short guide to keeping sourdough starter alive through a busy week.", "Rewrite your guide as a checklist of five items."] },
  { question_id: 902, category: "stem", turns: ["Explain why the sky looks red at sunset.", "Now explain it to a seven-year-old in three sentences."] },
]
  .map((r) => JSON.stringify(r))
  .join("\n");

test.describe("suites", () => {
  test.describe.configure({ timeout: 330_000 });

  test("imports a MATH file and scores it by exact match, without the judge", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Upload file").setInputFiles({ name: "math.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(MATH_FIXTURE) });
    await expect(setup.getByText("2 prompts from math.jsonl · MATH (exact match, no judge)")).toBeVisible();
    await setup.getByRole("button", { name: "Run experiment" }).click();

    await expect(page.getByText("Done: 6 / 6 steps")).toBeVisible({ timeout: 120_000 });
    const table = page.getByRole("table", { name: "Experiment results" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row", { name: /MoA/ })).toContainText(/\d+ \/ \d+ \/ \d+/);
    // The verdicts come from the boxed answers, not from a judge run: the stored results say so.
    const id = new URL(await page.getByRole("link", { name: "this experiment's link" }).getAttribute("href") ?? "", "http://x").searchParams.get("id");
    const results = await (await page.request.get(`/api/experiments/${id}/results`)).json();
    const judgements = Object.values(results.progress.judgements) as Array<{ reasons: string[]; runIds: string[] }>;
    expect(judgements).toHaveLength(2);
    for (const j of judgements) {
      expect(j.reasons[0]).toMatch(/^exact match against (\\frac\{1\}\{2\}|12):/);
      expect(j.runIds).toEqual([]);
    }
    expect(results.plan.prompts.map((p: { answer?: string }) => p.answer)).toEqual(["\\frac{1}{2}", "12"]);
    // The benchmark's own metric: every variant's share of right final answers.
    await expect(page.getByRole("region", { name: "MATH accuracy" }).getByRole("listitem")).toHaveCount(2);
    await expect(page.getByRole("region", { name: "MATH accuracy" })).toContainText(/MoA.*: \d \/ 2/);
  });

  test("imports MT-Bench questions, runs both turns and shows the judge's 1–10 scores per turn", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Upload file").setInputFiles({ name: "question.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(MT_BENCH_FIXTURE) });
    await expect(setup.getByText("2 prompts from question.jsonl · MT-Bench (two turns, graded 1–10)")).toBeVisible();
    await setup.getByRole("button", { name: "Run experiment" }).click();

    // Per question: 2 first turns, 1 verdict, 2 second turns, 4 grades.
    await expect(page.getByText("Done: 18 / 18 steps")).toBeVisible({ timeout: 120_000 });
    const scores = page.getByRole("table", { name: "MT-Bench scores" });
    await expect(scores.getByRole("row")).toHaveCount(3);
    const scored = /\d+\.\d\d( \(\d+\.\d–\d+\.\d\))?, n 2/;
    for (const cell of await scores.getByRole("row", { name: /MoA/ }).getByRole("cell").all().then((cells) => cells.slice(1, 4))) await expect(cell).toHaveText(scored);
    await page.getByRole("region", { name: "MT-Bench scores" }).screenshot({ path: "docs/mt-bench-scores.png" });
  });

  test("runs an ablation grid in one click with the paper's figures beside ours, in light and dark", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/experiments");
    const card = page.getByRole("region", { name: "Ablation grids" });
    await expect(card.getByLabel("Judge model")).toHaveValue("sim:owl");
    await card.getByRole("button", { name: /^Figure 4a \/ Table 2: Depth/ }).click();

    const grid = page.getByRole("table", { name: "Ablation grid" });
    // A header and four depths, the paper's column filled where it prints a figure.
    await expect(grid.getByRole("row")).toHaveCount(5);
    await expect(grid.getByRole("row", { name: /MoA, 3 layers/ })).toContainText("65.1% (MoA, Table 2)");
    // The grid runs to the end offline; then every row has our win rate and LC win rate (from three verdicts) with intervals.
    await expect(page.getByText("Done: 108 / 108 steps")).toBeVisible({ timeout: 280_000 });
    const ours = /\d+\.\d% \(\d+\.\d%–\d+\.\d%\).*\d+\.\d% \(\d+\.\d%–\d+\.\d%\), n 12/;
    for (const row of [/owl alone/, /MoA, 2 layers/, /MoA, 3 layers/, /MoA, 4 layers/]) await expect(grid.getByRole("row", { name: row })).toContainText(ours);

    const figures = page.getByRole("region", { name: "Ablation grid figures" });
    await figures.screenshot({ path: "docs/ablation-grid-light.png" });
    await page.emulateMedia({ colorScheme: "dark" });
    await figures.screenshot({ path: "docs/ablation-grid-dark.png" });
  });
});
