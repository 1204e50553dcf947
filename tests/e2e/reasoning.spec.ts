import { expect, test, type Page } from "@playwright/test";
import { startFakeOpenAI, type FakeOpenAI } from "../fixtures/fake-openai-server";
import { seedBoard } from "./support/board";

/**
 * Issue 19 item 1: a DeepSeek-style reasoning model on an OpenAI-compatible server (the
 * project's fake upstream, on loopback) next to plain simulated models. Its reasoning streams
 * live into a lane above its answer, the aggregator reads it only when its layer says so
 * (shown in the Inputs view), and reasoning tokens appear in the cost figures.
 */

const REASONING =
  "The user asks why the sky is blue. Sunlight holds every colour. Air molecules scatter short wavelengths far more than long ones: " +
  "Rayleigh scattering, which grows as the inverse fourth power of the wavelength. So blue light reaches the eye from every part of the sky. " +
  "Violet scatters even more, but the Sun emits less of it and our eyes are less sensitive to it. Sunsets are the contrast case: long paths leave the reds.";
const ANSWER =
  "The sky is blue because the molecules of the air scatter the short, blue wavelengths of sunlight far more strongly than the long, red ones " +
  "(Rayleigh scattering). Scattered blue light reaches your eyes from every direction, so the whole sky glows blue; at sunset the light's long path " +
  "through the air removes most of the blue and leaves reds and oranges.";
const REASONING_WORDS = REASONING.split(/\s+/).length;

const FAST = "tps=200&ttft=20";
const LAYERS = [["compat:deep-r1", `sim:falcon?${FAST}`, `sim:heron?${FAST}`], [`sim:owl?${FAST}`]];

let fake: FakeOpenAI;
// The reasoning model holds its first answer until the page is watching the run, so the live lane is seen on a loaded machine too.
let openGate!: () => void;
const gate = new Promise<void>((resolve) => (openGate = resolve));

test.beforeAll(async () => {
  // Paced so the reasoning takes a few seconds: long enough to watch it stream.
  fake = await startFakeOpenAI({ models: { "deep-r1": { ttftMs: 300, tokensPerSecond: 8, reasoning: REASONING, text: ANSWER, gate: () => gate } } });
});

test.afterAll(async () => {
  await fake.close();
});

async function pasteEndpoint(page: Page, baseUrl: string) {
  await page.addInitScript((url) => {
    localStorage.setItem("moa-settings-v1", JSON.stringify({ version: 1, state: { keys: { compatBaseUrl: url, compat: "sk-test-reasoning" } } }));
  }, baseUrl);
}

const column = (page: Page, layer: number, agent: number) => page.getByRole("region", { name: new RegExp(`^Layer ${layer} · Agent ${agent} · `) });

async function ask(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

async function openAggregatorInputs(page: Page) {
  await column(page, 2, 1).getByRole("button", { name: "Inputs for Layer 2 · Agent 1" }).click();
  const dialog = page.getByRole("dialog", { name: "What Layer 2 · Agent 1 saw" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function setTheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

test.describe("reasoning models", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the reasoning lane streams live, the aggregator reads traces only when asked, and reasoning tokens are costed", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.emulateMedia({ colorScheme: "light" });
    await seedBoard(page, LAYERS);
    await pasteEndpoint(page, fake.baseUrl);
    await page.goto("/");

    // A reasoning effort for the model that may reason; the plain sim models are not offered one.
    await page.getByRole("button", { name: "Settings for layer 1 slot 1" }).click();
    await page.getByLabel("Reasoning effort").selectOption("high");
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Settings for layer 1 slot 2" }).click();
    await expect(page.getByLabel("Reasoning effort")).toHaveCount(0);
    await page.getByRole("button", { name: "Done" }).click();

    await ask(page, "Why is the sky blue?");

    // Live: the lane is open and says it is thinking while the reasoning streams, before any answer text.
    const r1 = column(page, 1, 1);
    const lane = r1.getByRole("region", { name: /^Reasoning of / });
    await expect(r1.getByText("thinking", { exact: true })).toBeVisible({ timeout: 30_000 });
    openGate();
    // Open while it thinks, and no answer yet; checked in one go, since on a loaded machine the next poll may be past it.
    await expect(r1.getByRole("button", { name: /Thinking…/, expanded: true })).toBeVisible({ timeout: 20_000 });
    expect(await r1.getByTestId("agent-text").count()).toBe(0);
    // Done: folded to "Thought for …", the answer below it, the plain models have no lane.
    const folded = r1.getByRole("button", { name: /^▸?\s*Thought for [\d.]+ s/ });
    await expect(folded).toBeVisible({ timeout: 30_000 });
    await expect(folded).toHaveAttribute("aria-expanded", "false");
    await expect(r1.getByTestId("agent-text")).toContainText("Rayleigh scattering");
    await expect(column(page, 1, 2).getByTestId("reasoning-lane")).toHaveCount(0);
    await expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 60_000 });
    expect(fake.requests.find((r) => r.model === "deep-r1")?.body?.reasoning_effort).toBe("high");

    // Without the switch the aggregator saw the answers only.
    let dialog = await openAggregatorInputs(page);
    await expect(dialog).toContainText("not read: answers only");
    await expect(dialog.getByTestId("quoted-answer")).toHaveCount(3);
    await expect(dialog.getByTestId("quoted-trace")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close" }).click();

    // Reasoning tokens have their own column in the cost figures.
    const figures = page.getByRole("table", { name: "Run figures" });
    await expect(figures.getByRole("columnheader", { name: "of which reasoning" })).toBeVisible();
    const r1Row = figures.getByRole("row").filter({ hasText: "deep-r1" });
    await expect(r1Row.getByRole("cell").nth(3)).toHaveText(String(REASONING_WORDS));
    await expect(r1).toContainText(`${REASONING_WORDS} reasoning tok`);

    // With the switch the same layer reads the reasoning too, highlighted apart from the answers.
    await page.getByRole("checkbox", { name: "Also read their reasoning" }).check();
    await ask(page, "And why are sunsets red?");
    await expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 90_000 });
    dialog = await openAggregatorInputs(page);
    await expect(dialog).toContainText("read: the previous layer's reasoning is in the prompt");
    await expect(dialog.getByTestId("quoted-trace")).toHaveCount(3);
    await expect(dialog.getByTestId("quoted-trace").first()).toContainText("Air molecules scatter short wavelengths");
    await expect(dialog.getByTestId("quoted-answer")).toHaveCount(3);
    await dialog.getByTestId("quoted-trace").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/reasoning-inputs.png" });
    await dialog.getByRole("button", { name: "Close" }).click();

    // Screenshots for docs/: the lane opened above the answer, light and dark.
    await folded.click();
    await expect(lane).toContainText(REASONING);
    // The proposers' row at the top, clear of the sticky header.
    await r1.evaluate((el) => {
      el.scrollIntoView({ block: "start" });
      window.scrollBy(0, -110);
    });
    await page.screenshot({ path: "docs/reasoning-lane.png" });
    await setTheme(page, "dark");
    await page.screenshot({ path: "docs/reasoning-lane-dark.png" });
  });
});
