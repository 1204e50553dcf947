import { expect, test } from "@playwright/test";
import { seedBoard } from "./support/board";

/**
 * AlpacaEval's reference outputs as the comparison side, offline: an AlpacaEval-format file
 * written here is imported, its `output` fields become the reference every variant is judged
 * against, and the page shows win rate and LC win rate against them. The fetch buttons are
 * checked against a stubbed API (the server side is unit-tested against a local fixture
 * server): no test reaches the internet.
 */

const FAST = "tps=400&ttft=20";
const LAYERS = [[`sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:owl?${FAST}`]];

const ALPACA = JSON.stringify(
  ["tides", "bread", "jazz"].map((topic, i) => ({
    instruction: `Explain ${topic} to a curious twelve-year-old (question ${i + 1}).`,
    output: `A short reference answer about ${topic}.`,
    generator: "gpt4_1106_preview",
    dataset: "helpful_base",
  })),
);

test.describe("AlpacaEval reference", () => {
  test.describe.configure({ timeout: 180_000 });

  test("judges every variant against the file's reference outputs, with win rate and LC win rate", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Upload file").setInputFiles({ name: "alpaca_eval.json", mimeType: "application/json", buffer: Buffer.from(ALPACA) });
    await expect(setup.getByText("3 prompts from alpaca_eval.json · AlpacaEval")).toBeVisible();
    const reference = setup.getByLabel("Reference", { exact: true });
    await expect(reference.locator("option:checked")).toHaveText("Reference outputs (gpt4_1106_preview) of the file");
    await expect(setup.getByText("6 verdicts judged in both orders, each against Reference outputs (gpt4_1106_preview) (3 answers for these prompts).")).toBeVisible();
    await setup.getByRole("button", { name: "Run experiment" }).click();

    // Six cells and six verdicts: nothing runs for the reference.
    await expect(page.getByText("Done: 12 / 12 steps")).toBeVisible({ timeout: 120_000 });
    const section = page.getByRole("region", { name: "Against the reference answers" });
    await expect(section).toContainText("Against Reference outputs (gpt4_1106_preview)");
    const table = section.getByRole("table", { name: "Win rates against the reference" });
    await expect(table.getByRole("row")).toHaveCount(3);
    for (const row of await table.getByRole("row").all().then((rows) => rows.slice(1))) {
      await expect(row).toContainText(/\d+\.\d% \(\d+\.\d%–\d+\.\d%\).*\d+\.\d% \(\d+\.\d%–\d+\.\d%\), n 3.*\d+ vs 37/);
    }
    await expect(page.getByRole("table", { name: "Experiment results" })).toContainText("Win rate vs Reference outputs (gpt4_1106_preview)");
  });

  test("judges against another experiment's stored answers, matched by prompt id, without running them again", async ({ page }) => {
    await seedBoard(page, LAYERS);
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    await setup.getByLabel("Prompts, one per line").fill("Why is the sky blue?\nName three uses of a paperclip.\nHow do tides work?");
    await setup.getByRole("button", { name: "Run experiment" }).click();
    await expect(page.getByText("Done: 9 / 9 steps")).toBeVisible({ timeout: 120_000 });

    // The same prompts again, this time against the first experiment's MoA answers.
    const earlier = setup.getByLabel("Earlier experiment as reference");
    await earlier.selectOption({ index: 1 });
    await setup.getByLabel("Its variant").selectOption({ label: "MoA (2 layers)" });
    await expect(setup.getByLabel("Reference", { exact: true }).locator("option:checked")).toHaveText("MoA (2 layers) (earlier experiment)");
    await expect(setup.getByText("6 verdicts judged in both orders, each against MoA (2 layers) (earlier experiment) (3 answers for these prompts).")).toBeVisible();
    await setup.getByRole("button", { name: "Run experiment" }).click();

    await expect(page.getByText("Done: 12 / 12 steps")).toBeVisible({ timeout: 120_000 });
    const table = page.getByRole("table", { name: "Win rates against the reference" });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row", { name: /^MoA/ })).toContainText(/n 3/);
  });

  test("a fetch button loads the published file like an upload, and shows the server's error when it fails", async ({ page }) => {
    const MT = [1, 2].map((n) => JSON.stringify({ question_id: n, category: "writing", turns: [`Question ${n}?`, `Follow-up ${n}?`] })).join("\n");
    let fail = true;
    await page.route("**/api/experiments/suites/mt_bench", (route) =>
      fail
        ? route.fulfill({ status: 502, json: { error: { code: "upstream:suite_status", message: "The MT-Bench source (https://example.test/q.jsonl) answered 404 Not Found." } } })
        : route.fulfill({ json: { kind: "mt_bench", text: MT, fileName: "mt_bench_question.jsonl", url: "https://example.test/q.jsonl", items: 2 } }),
    );
    await page.goto("/experiments");
    const setup = page.getByRole("region", { name: "Experiment setup" });
    const buttons = setup.getByRole("group", { name: "Fetch a benchmark from its public source" });
    await expect(buttons.getByRole("button")).toHaveText(["AlpacaEval 2.0", "MT-Bench", "MATH-500"]);

    await buttons.getByRole("button", { name: "MT-Bench" }).click();
    await expect(setup.getByRole("alert")).toHaveText("The MT-Bench source (https://example.test/q.jsonl) answered 404 Not Found.");
    fail = false;
    await buttons.getByRole("button", { name: "MT-Bench" }).click();
    await expect(setup.getByRole("alert")).toBeHidden();
    await expect(setup.getByText(/^2 prompts from mt_bench_question\.jsonl · MT-Bench/)).toBeVisible();
  });
});
