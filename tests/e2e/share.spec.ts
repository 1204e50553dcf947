import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";
import { finalText, settledText } from "./support/answers";

/**
 * Runs that last: share links (live and replayed), fork, export and history, on simulated
 * models. The board is seeded through its persisted localStorage state.
 */

const FAST: string[][] = [["sim:falcon", "sim:heron"], ["sim:owl"]];
// Slow enough to be caught mid-stream even with MOA_SIM_SPEED=4.
const SLOW: string[][] = [["sim:falcon?tps=3&tokens=300"], ["sim:owl"]];

const statusBar = (page: Page) => page.getByRole("status").filter({ hasText: /Starting|Running|Finished|Stopped|Interrupted|Failed/ });

async function ask(page: Page, prompt: string) {
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

/** Clicks Share and returns the link it copied (read from the clipboard). */
async function share(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{24}$/);
  expect(await page.getByLabel("Share link").inputValue()).toBe(link);
  return link;
}

async function openFresh(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage().then(async (page) => {
    await page.goto(link);
    return page;
  });
}

// Each test runs the app end to end once or twice, and opens a second browser.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("a shared link replays a finished run and reaches the same final answer", async ({ page, browser }) => {
  await seedBoard(page, FAST);
  await page.goto("/");
  await ask(page, "Why do cats purr?");
  await expect(statusBar(page).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  const answer = await settledText(finalText(page));
  const link = await share(page);
  expect(link).not.toContain(await page.evaluate(() => localStorage.getItem("moa-owner") ?? "no owner"));

  const viewer = await openFresh(browser, link);
  await expect(viewer.getByText("Why do cats purr?")).toBeVisible();
  const replay = viewer.getByRole("group", { name: "Replay" });
  // It replays (timing itself is unit-tested with a fake clock in tests/unit/replay) and ends
  // where the run ended. A short run may finish replaying while a slow machine still loads.
  await expect(statusBar(viewer).getByText("Finished")).toBeVisible({ timeout: 30_000 });
  expect(await settledText(finalText(viewer))).toBe(answer);
  await expect(replay.getByRole("button", { name: "Replay" })).toBeVisible();

  // Seeking to the start shows the run before any answer; "Show final state" jumps back.
  await replay.getByRole("radio", { name: "1×" }).click();
  await replay.getByRole("button", { name: "Replay" }).click();
  // This run lasts about a second: on a busy machine its replay can end before Pause is clicked
  // (the button then reads Replay again). Either way the replay is not playing afterwards, and a
  // seek leaves it where it was put.
  await replay.getByRole("button", { name: "Pause" }).click({ timeout: 2_000 }).catch(() => undefined);
  await expect(replay.getByRole("button", { name: /^(Play|Replay)$/ })).toBeVisible();
  await replay.getByRole("slider", { name: "Replay position" }).fill("0");
  await expect(finalText(viewer)).toHaveCount(0);
  await replay.getByRole("button", { name: "Show final state" }).click();
  expect(await settledText(finalText(viewer))).toBe(answer);
  await viewer.context().close();
});

test("a link opened while the run is streaming shows it live", async ({ page, browser }) => {
  await seedBoard(page, SLOW);
  await page.goto("/");
  await ask(page, "Tell me a long story.");
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTestId("agent-text")).toHaveText(/\w+/, { timeout: 20_000 });
  const link = await share(page);

  const viewer = await openFresh(browser, link);
  await expect(viewer.getByText("Live", { exact: true })).toBeVisible();
  await expect(statusBar(viewer).getByText("Running")).toBeVisible();
  await expect(viewer.getByRole("region", { name: /^Layer 1 · Agent 1 · / }).getByTestId("agent-text")).toHaveText(/\w+/);
  // The viewer follows it to the end and sees the same answer as the person who ran it.
  await expect(statusBar(viewer).getByText("Finished")).toBeVisible({ timeout: 60_000 });
  await expect(statusBar(page).getByText("Finished")).toBeVisible();
  expect(await settledText(finalText(viewer))).toBe(await settledText(finalText(page)));
  await viewer.context().close();
});

test("open in playground forks the run: same board, prompt ready", async ({ page, browser }) => {
  await seedBoard(page, FAST);
  await page.goto("/");
  await ask(page, "Name three rivers.");
  await expect(statusBar(page).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  const link = await share(page);

  const viewer = await openFresh(browser, link);
  await viewer.getByRole("link", { name: "Open in playground" }).click();
  await expect(viewer).toHaveURL(/\/$/);
  await expect(viewer.getByRole("textbox", { name: /prompt|follow-up/i })).toHaveValue("Name three rivers.");
  const stored = await viewer.evaluate((key) => localStorage.getItem(key), "moa-board-v1");
  expect(stored).toContain("sim:heron");
  expect(stored).toContain("sim:owl");
  await viewer.getByRole("button", { name: "Run", exact: true }).click();
  await expect(statusBar(viewer).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  await viewer.context().close();
});

test("a run exports as Markdown and JSON, and the JSON imports as a new run", async ({ page, request }) => {
  await seedBoard(page, FAST);
  await page.goto("/");
  await ask(page, "What is a monad?");
  await expect(statusBar(page).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  const id = (await share(page)).split("/r/")[1];
  const json = await (await request.get(`/api/runs/${id}/export?format=json`)).json();

  await page.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Export Markdown" }).click()]);
  const fs = await import("node:fs/promises");
  const markdown = await fs.readFile((await download.path())!, "utf8");
  expect(markdown).toContain("What is a monad?");
  expect(markdown).toContain("## Final answer");
  // Line by line: the report nests the answer's own headings under its "Final answer" section.
  for (const line of (json.run.finalText as string).split("\n").filter((l) => l.trim())) expect(markdown).toContain(line.replace(/^#+ /, ""));

  expect(JSON.stringify(json)).not.toContain(await page.evaluate(() => localStorage.getItem("moa-owner")));
  const imported = await request.post("/api/runs/import", { data: json });
  expect(imported.status()).toBe(201);
  const copy = (await imported.json()) as { id: string };
  expect(copy.id).not.toBe(id);
  const state = await (await request.get(`/api/runs/${copy.id}`)).json();
  expect(state.run.status).toBe("finished");
  expect(state.run.finalText).toBe(json.run.finalText);
});

test("history lists this browser's runs and deletes one after a confirm", async ({ page, request }) => {
  await seedBoard(page, FAST);
  await page.goto("/");
  await ask(page, "First history prompt");
  await expect(statusBar(page).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  await ask(page, "Second history prompt");
  await expect(statusBar(page).getByText("Finished")).toBeVisible({ timeout: 45_000 });
  const id = (await share(page)).split("/r/")[1];

  await page.getByRole("button", { name: "History", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "History" });
  const items = panel.getByRole("list", { name: "Runs" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Second history prompt");
  await expect(items.nth(0)).toContainText("finished");

  // Nobody else may delete it.
  expect((await request.delete(`/api/runs/${id}`)).status()).toBe(403);
  expect((await request.delete(`/api/runs/${id}`, { headers: { "x-moa-owner": "x".repeat(40) } })).status()).toBe(403);

  await items.nth(0).getByRole("button", { name: /^Delete run/ }).click();
  await items.nth(0).getByRole("button", { name: "Confirm delete" }).click();
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText("First history prompt");
  expect((await request.get(`/api/runs/${id}`)).status()).toBe(404);

  await items.nth(0).getByRole("link").click();
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
  expect(page.url()).not.toContain(id);
  await expect(page.getByRole("list", { name: "Conversation" })).toContainText("First history prompt");
});
