import { expect, test, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";

/** Daily use of the playground (issue 17): history, a URL per conversation, keyboard, phone, the fold, baselines. */

const LAYERS = [["sim:falcon", "sim:heron", "sim:otter"], ["sim:falcon", "sim:heron", "sim:otter"], ["sim:owl"]];
// Slow enough that the run is still streaming when the test looks at it.
const SLOW = [["sim:falcon?tps=4&tokens=300", "sim:heron?tps=4&tokens=300", "sim:otter?tps=4&tokens=300"], ["sim:owl"]];

const promptBox = (page: Page) => page.getByRole("textbox", { name: /prompt|follow-up/i });
const runButton = (page: Page) => page.getByRole("button", { name: "Run", exact: true });
const finished = (page: Page) => page.getByRole("status").getByText("Finished");
const slot = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

async function ask(page: Page, prompt: string) {
  await promptBox(page).fill(prompt);
  await runButton(page).click();
}

async function openBoard(page: Page, layers = LAYERS) {
  await seedBoard(page, layers);
  await page.goto("/");
  await expect(page.getByRole("button", { name: /^Layer 1 slot 1: / })).toBeVisible({ timeout: 30_000 });
}

test("History opens as a full-height drawer listing the run, and Escape closes it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page);
  await ask(page, "History drawer check");
  await expect(finished(page)).toBeVisible({ timeout: 45_000 });

  await page.getByRole("button", { name: "History" }).click();
  const drawer = page.getByRole("complementary", { name: "History" });
  await expect(drawer.getByRole("link", { name: "History drawer check" })).toBeVisible();
  const box = await drawer.boundingBox();
  expect(box?.height).toBeGreaterThan(800);
  await page.screenshot({ path: "docs/history-drawer.png" });

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("button", { name: "History" })).toBeFocused();
});

test("each conversation has its own URL: reload restores it, back and forward move between them", async ({ page }) => {
  await openBoard(page);
  await ask(page, "Remember this conversation");
  await expect(finished(page)).toBeVisible({ timeout: 45_000 });
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  const conversationUrl = page.url();
  const answer = page.getByRole("region", { name: "Final answer", exact: true }).getByTestId("final-text");
  // textContent, as toContainText reads it: innerText would put line breaks between paragraphs.
  const text = ((await answer.textContent()) ?? "").slice(0, 40);

  await page.reload();
  const turns = page.getByRole("list", { name: "Conversation" });
  await expect(turns).toContainText("Remember this conversation");
  await expect(answer).toContainText(text);
  await expect(promptBox(page)).toHaveAttribute("placeholder", /follow-up/);

  await page.getByRole("button", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(turns).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(conversationUrl);
  await expect(turns).toContainText("Remember this conversation");
  await page.goForward();
  await expect(page).toHaveURL(/\/$/);
  await expect(turns).toHaveCount(0);
});

test("a palette model moves with the keyboard: Space, arrows, Space", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openBoard(page);
  await page.getByRole("button", { name: "Model Lynx (simulated)" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Picked up Lynx (simulated) from the palette. Over layer 1 slot 1.", { exact: false })).toBeAttached();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText("Lynx (simulated) is over layer 2 slot 2.")).toBeAttached();
  await page.keyboard.press("Space");
  await expect(slot(page, "Layer 2 slot 2: Lynx (simulated)")).toBeVisible();
  // The final aggregator is untouched.
  await expect(slot(page, "Layer 3 slot 1: Owl (simulated)")).toBeVisible();
});

test("the model picker follows arrow keys and Enter picks the match", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openBoard(page);
  await slot(page, "Layer 1 slot 2: Heron (simulated)").focus();
  await page.keyboard.press("Enter");
  const filter = page.getByRole("searchbox", { name: "Filter models" });
  await expect(filter).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("listbox", { name: "Models" }).getByRole("button").first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(filter).toBeFocused();
  await filter.fill("badger");
  await page.keyboard.press("Enter");
  await expect(slot(page, "Layer 1 slot 2: Badger (simulated)")).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the page fits the screen, the prompt and Run take taps, the status is not cut off", async ({ page }) => {
    await openBoard(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await promptBox(page).tap();
    await expect(promptBox(page)).toBeFocused();
    await page.keyboard.type("Hello from a phone");
    await page.screenshot({ path: "docs/phone-390.png", fullPage: false });
    await runButton(page).tap();
    await expect(page.getByRole("list", { name: "Conversation" })).toContainText("Hello from a phone");
    await expect(finished(page)).toBeVisible({ timeout: 45_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("why Run is blocked reads in full", async ({ page }) => {
    await openBoard(page, [["sim:falcon", "sim:heron"], [null as unknown as string]]);
    const reason = page.locator("form p[aria-live]");
    await expect(reason).toContainText(/empty/i);
    expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });
});

test("at 1440×900 the prompt and Run are on the first screen, and a run's columns are in view", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, SLOW);
  await expect(promptBox(page)).toBeInViewport({ ratio: 1 });
  await expect(runButton(page)).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: "docs/first-load-1440.png" });

  await ask(page, "Watch the proposers");
  const first = page.getByRole("region", { name: /^Layer 1 · Agent 1 · / });
  await expect(first.getByTestId("agent-text")).toHaveText(/\w+/);
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeEnabled();
  await expect(first).toBeInViewport({ ratio: 0.5 });
  await page.getByRole("button", { name: "Stop", exact: true }).click();
});

test("Self-MoA and the LLM-Ranker run from the board, next to Run", async ({ page }) => {
  await openBoard(page);
  const posted = async (method: string) => {
    await page.getByRole("combobox", { name: "Method" }).selectOption({ label: method });
    const request = page.waitForRequest((r) => r.url().endsWith("/api/runs") && r.method() === "POST");
    await ask(page, `Run as ${method}`);
    const body = (await request).postDataJSON() as { variant?: string; config: { method?: { kind: string }; layers: { agents: { model: string }[] }[] } };
    await expect(finished(page)).toBeVisible({ timeout: 45_000 });
    return body;
  };

  const self = await posted("Self-MoA");
  const proposers = self.config.layers[0].agents.map((a) => a.model);
  expect(proposers.length).toBeGreaterThanOrEqual(2);
  expect(new Set(proposers).size).toBe(1);
  expect(self.variant).toBeUndefined();

  await page.getByRole("button", { name: "New chat" }).click();
  const ranker = await posted("LLM-Ranker");
  // The ranker is a method of the engine now, not a request variant.
  expect(ranker.config.method?.kind).toBe("ranker");
  expect(ranker.config.layers.map((l) => l.agents.length)).toEqual([3, 3, 1]);
});
