import { expect, test, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";

/** Teaching with the playground, on simulated models (see playwright.config.ts). */

const THREE_LAYERS = [["sim:falcon", "sim:heron", "sim:otter"], ["sim:falcon", "sim:heron", "sim:otter"], ["sim:owl"]];


const column = (page: Page, layer: number, agent: number) => page.getByRole("region", { name: new RegExp(`^Layer ${layer} · Agent ${agent} · `) });
const layerTexts = (page: Page, layer: number) => page.getByRole("region", { name: new RegExp(`^Layer ${layer} · Agent \\d+ · `) }).getByTestId("agent-text");
const finished = (page: Page) => expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 45_000 });
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

async function ask(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

test("a share link with ?present=1 opens in presenter mode", async ({ page }) => {
  await seedBoard(page, THREE_LAYERS);
  await page.goto("/?present=1");
  const toggle = page.getByRole("button", { name: "Presenter mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: "Configure" })).toBeHidden();
  await expect(page.locator("html")).toHaveAttribute("data-presenter", "");
  await expect(page.getByRole("group", { name: /^Layer graph/ })).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("region", { name: "Configure" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("present")).toBeNull();
});

test("step through a 3-layer run with the keyboard", async ({ page }) => {
  await seedBoard(page, THREE_LAYERS);
  await page.goto("/?present=1");
  await page.getByRole("checkbox", { name: "Step through layers" }).check();
  await ask(page, "Why is the sky blue?");

  const caption = page.getByTestId("step-caption");
  await expect(caption).toHaveText("Each of the 3 aggregators now reads the 3 answers above and writes its own", { timeout: 30_000 });
  await expect(layerTexts(page, 1)).toHaveCount(3);
  // Paused: layer 2 stays silent however long the class talks.
  await page.waitForTimeout(1_500);
  await expect(layerTexts(page, 2)).toHaveCount(0);
  await expect(column(page, 2, 1).getByText("Waiting for its turn.")).toBeVisible();
  await page.screenshot({ path: "docs/presenter-mode.png" });

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("PageDown");
  await expect(caption).toHaveText("The final aggregator reads the 3 answers and writes the answer", { timeout: 30_000 });
  await expect(layerTexts(page, 2)).toHaveCount(3);
  await expect(layerTexts(page, 3)).toHaveCount(0);

  // Typing in the prompt never advances.
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).press("ArrowRight");
  await page.waitForTimeout(500);
  await expect(layerTexts(page, 3)).toHaveCount(0);

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowRight");
  await finished(page);
  await expect(page.getByRole("button", { name: "Next layer" })).toHaveCount(0);
});

test("an aggregator's Inputs show every proposer's answer, linked to its column", async ({ page }) => {
  await seedBoard(page, THREE_LAYERS);
  await page.goto("/");
  const started = page.waitForResponse((r) => r.url().endsWith("/api/runs") && r.request().method() === "POST");
  await ask(page, "How do tides work?");
  const { id } = (await (await started).json()) as { id: string };
  await finished(page);

  await page.getByRole("button", { name: "Inputs for Layer 2 · Agent 1" }).click();
  const dialog = page.getByRole("dialog", { name: "What Layer 2 · Agent 1 saw" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("sim:falcon", { exact: true })).toBeVisible();
  const shown = squash(await dialog.innerText());
  const { run } = (await (await page.request.get(`/api/runs/${id}`)).json()) as { run: { agents: Array<Array<{ text: string }>> } };
  for (const proposer of run.agents[0]) expect(shown).toContain(squash(proposer.text));
  await expect(dialog.getByTestId("quoted-answer")).toHaveCount(3);
  expect(shown).toContain("How do tides work?");

  await dialog.getByRole("button", { name: /from Layer 1 · Agent 2/ }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 1, 2)).toBeFocused();
});

const DEMOS: Array<{ title: string; check?: (page: Page) => Promise<void> }> = [
  { title: "Collaborativeness" },
  {
    title: "Synthesis vs selection",
    check: async (page) => {
      await expect(page.getByText(/The ranker picked answer \d/)).toBeVisible();
    },
  },
  { title: "Diversity", check: async (page) => expect(page.getByRole("region", { name: /^Layer 1 · Agent \d · / })).toHaveCount(6) },
  {
    title: "A misleading proposer",
    check: async (page) => {
      await expect(column(page, 1, 2).getByText(/misleading/i)).toBeVisible();
      await expect(page.getByRole("region", { name: "Final answer", exact: true })).toContainText("A claim I left out");
    },
  },
];

for (const demo of DEMOS) {
  test(`classroom demo: ${demo.title}`, async ({ page }) => {
    await seedBoard(page, THREE_LAYERS);
    await page.goto("/");
    await page.getByRole("button", { name: "Classroom demos" }).click();
    await page.getByRole("dialog", { name: "Classroom demos" }).getByRole("button", { name: new RegExp(`^${demo.title}`) }).click();
    await expect(page.getByRole("complementary", { name: `Classroom demo: ${demo.title}` })).toBeVisible();
    await finished(page);
    await demo.check?.(page);
  });
}
