import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedBoard } from "./support/board";
import { graph, inside, overlaps, type Box } from "./support/graph";
import { INSIGHT_LABELS, servePaperDirectionsInsights } from "./support/insights";
import { finishedRun, runOnPlayground } from "./support/runs";

/** Issue 17 item 13 (the smaller defects) and the phone layout of the graph and slot cards. */

test.describe.configure({ timeout: 120_000 });

const FAST = "tps=400&ttft=20";
const fast = (name: string) => `sim:${name}?${FAST}`;

const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  expect(b, "drawn").not.toBeNull();
  return b!;
};

async function useTheme(page: Page, theme: "light" | "dark") {
  await page.addInitScript((t) => localStorage.setItem("moa-theme", t), theme);
}

test.describe("Insights chart", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`names every dot on one line without overprinting (${theme})`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await useTheme(page, theme);
      await servePaperDirectionsInsights(page);
      await page.goto("/insights");
      const chart = page.getByTestId("quality-chart");
      await expect(chart.locator(".recharts-scatter").first().locator(".recharts-scatter-symbol")).toHaveCount(12);
      const labels = chart.locator("[data-point-label]");
      await expect(labels.first()).toBeVisible();

      const plot = await box(chart.locator("svg").first());
      const boxes: { text: string; box: Box }[] = [];
      for (const label of await labels.all()) {
        const text = (await label.textContent()) ?? "";
        const b = await box(label);
        // One line: the name is not broken into a word per line.
        expect(await label.locator("tspan").count(), text).toBeLessThanOrEqual(1);
        // 11 px type with its halo: one line is under 24 px high, two would be over 26.
        expect(b.height, `${text} is one line`).toBeLessThan(24);
        expect(inside(b, plot), `${text} inside the chart`).toBe(true);
        boxes.push({ text, box: b });
      }
      for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.text} clear of ${b.text}`).toBe(false);
      // No name covers a dot.
      for (const dot of await chart.locator(".recharts-scatter-symbol").all()) {
        const d = await box(dot);
        const core = { x: d.x + d.width / 2 - 2, y: d.y + d.height / 2 - 2, width: 4, height: 4 };
        for (const l of boxes) expect(overlaps(core, l.box), `${l.text} covers a dot`).toBe(false);
      }

      // Most dots are named on the chart; the rest are listed under it, none is lost.
      expect(boxes.length).toBeGreaterThanOrEqual(8);
      const listed = boxes.length < 12 ? ((await page.getByLabel("Unlabelled dots").textContent()) ?? "") : "";
      for (const name of INSIGHT_LABELS) expect(boxes.some((b) => b.text === name) || listed.includes(name), name).toBe(true);
      // The same figures as scripts/paper-directions-screens.mjs measured, so the same picture, now legible.
      await page.screenshot({ path: `docs/insights-paper-directions${theme === "dark" ? "-dark" : ""}.png`, fullPage: true });
    });
  }
});

/** Light, relative luminance of a CSS colour composited over another, read back from a canvas. */
async function contrastOver(page: Page, colors: string[], under: string): Promise<number[]> {
  return page.evaluate(
    ([list, base]) => {
      const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
      const lum = (css: string) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = base;
        ctx.fillRect(0, 0, 1, 1);
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const page = lum(base);
      return list.map((c) => {
        const l = lum(c);
        return (Math.max(l, page) + 0.05) / (Math.min(l, page) + 0.05);
      });
    },
    [colors, under] as const,
  );
}

test.describe("attribution heatmap", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`the caption and the colour scale agree (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await seedBoard(page, [[fast("falcon"), fast("heron"), fast("otter")], [fast("owl")]]);
      await page.goto("/");
      await runOnPlayground(page, "Why do tides happen?");
      const section = page.locator("section", { has: page.getByRole("heading", { name: "What the aggregators used" }) });
      const cells = section.getByRole("cell");
      await expect(cells).toHaveCount(3);

      // The caption claims what the scale shows in this theme: stronger colour, never "darker".
      const caption = section.getByText(/Each row is an aggregator/);
      await expect(caption).toContainText("stronger");
      await expect(caption).not.toContainText(/darker|lighter/);

      const surface = await section.evaluate((el) => getComputedStyle(el.closest("details") ?? document.body).backgroundColor);
      const legend = section.getByTestId("heat-legend").locator("[data-value]");
      await expect(legend).toHaveCount(5);
      const swatches = await legend.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
      const scale = await contrastOver(page, swatches, surface);
      for (let i = 1; i < scale.length; i++) expect(scale[i], `swatch ${i} stands out more than ${i - 1}`).toBeGreaterThan(scale[i - 1]);

      const values = (await cells.allTextContents()).map(Number);
      const backgrounds = await cells.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
      const contrast = await contrastOver(page, backgrounds, surface);
      const hi = values.indexOf(Math.max(...values));
      const lo = values.indexOf(Math.min(...values));
      if (values[hi] > values[lo]) expect(contrast[hi]).toBeGreaterThan(contrast[lo]);
    });
  }
});

test("a customised agent's marker is a readable icon with its settings as label and tooltip", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedBoard(page, [["sim:falcon", "sim:heron"], ["sim:owl"]]);
  await page.goto("/");
  await page.getByRole("button", { name: "Settings for layer 1 slot 1" }).click();
  await page.getByLabel("Temperature value").fill("0.7");
  await page.keyboard.press("Escape");
  const marker = page.getByRole("img", { name: /^Custom settings: temperature 0\.7/ });
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute("title", /temperature 0\.7/);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Layer 1 slot 1: / }) });
  // No truncated text anywhere in the card's bottom row.
  const truncated = await card.evaluate((el) => [...el.querySelectorAll("*")].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow === "ellipsis").length);
  expect(truncated).toBe(0);
  expect(inside(await box(marker), await box(card))).toBe(true);
});

test.describe("not-found pages", () => {
  for (const [path, heading] of [
    ["/r/does-not-exist", "This run does not exist"],
    ["/no-such-page", "This page does not exist"],
  ] as const) {
    test(`${path} answers 404 with the app header and a way home`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: "MoA Playground" })).toBeVisible();
      await expect(header.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Compare" })).toBeVisible();
      if (path.startsWith("/r/")) {
        await page.screenshot({ path: "docs/not-found.png" });
        await page.getByRole("button", { name: "Toggle dark mode" }).click();
        // The choice persists: a reload shows the dark page settled, with no colour transition under way.
        await page.reload();
        await expect(page.getByRole("heading", { name: heading })).toBeVisible();
        await page.screenshot({ path: "docs/not-found-dark.png" });
      }
      await page.getByRole("link", { name: "Go to the playground" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("button", { name: "Run", exact: true })).toBeVisible();
    });
  }
});

test("the export menu closes on a pick, a click outside and Escape, and works from the keyboard", async ({ page }) => {
  await seedBoard(page, [[fast("falcon"), fast("heron")], [fast("owl")]]);
  await page.goto("/");
  await runOnPlayground(page, "What is a monad?");
  const button = page.getByRole("button", { name: "Export", exact: true });
  const menu = page.getByRole("menu", { name: "Export" });

  await button.click();
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  // Escape closed the menu only: the finished run is still on screen.
  await expect(page.getByRole("status").getByText("Finished")).toBeVisible();

  await button.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { name: "Configure", exact: true }).click();
  await expect(menu).toBeHidden();

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Export JSON" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Export Markdown" })).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  await expect(menu).toBeHidden();
});

test("the replay scrubber moves by a visible step, and PageUp/PageDown by more", async ({ page, request }) => {
  const config = { layers: [{ agents: [{ model: fast("falcon") }, { model: fast("heron") }] }, { agents: [{ model: fast("owl") }] }] };
  const id = await finishedRun(request, config, "Why is the sky blue?");
  await page.goto(`/r/${id}`);
  // A short run replays to its end by itself; then the scrubber sits at the end.
  await expect(page.getByRole("button", { name: "Show final state" })).toBeDisabled({ timeout: 60_000 });
  const slider = page.getByRole("slider", { name: "Replay position" });
  const end = Number(await slider.getAttribute("max"));
  await expect(slider).toHaveValue(String(end));

  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  const afterArrow = Number(await slider.inputValue());
  const arrow = end - afterArrow;
  expect(arrow).toBeGreaterThanOrEqual(100);
  await page.keyboard.press("PageDown");
  const page1 = afterArrow - Number(await slider.inputValue());
  expect(page1 === afterArrow || page1 >= 5 * arrow, `PageDown moved ${page1} ms, an arrow ${arrow} ms`).toBe(true);
  await page.keyboard.press("End");
  await expect(slider).toHaveValue(String(end));
});

test.describe("one header everywhere", () => {
  for (const path of ["/compare", "/experiments", "/insights"]) {
    test(`${path} has Classroom demos, Presenter mode and History`, async ({ page }) => {
      await page.goto(path);
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: "Classroom demos" })).toBeVisible();
      await expect(header.getByRole("link", { name: "Presenter mode" })).toHaveAttribute("href", "/?present=1");
      await header.getByRole("button", { name: "History" }).click();
      await expect(page.getByRole("complementary", { name: "History" })).toBeVisible();
      await page.keyboard.press("Escape");

      await header.getByRole("link", { name: "Classroom demos" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("dialog", { name: "Classroom demos" })).toBeVisible();
    });
  }

  test("the playground keeps its own demos menu and presenter toggle", async ({ page }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("button", { name: "Classroom demos" })).toBeVisible();
    await expect(header.getByRole("button", { name: "Presenter mode" })).toBeVisible();
    await expect(header.getByRole("button", { name: "History" })).toBeVisible();
  });
});

test("counts read in the right number: 1 agent, the 1 answer, no \"1 agents\"", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedBoard(page, [["sim:falcon"], ["sim:owl"]]);
  await page.goto("/");
  await expect(page.getByText("the 1 answer of layer 1 goes to the final aggregator")).toBeVisible();
  await expect(page.getByText("2 layers · 2 model calls per run")).toBeVisible();
  const wrong = /\b1 (agents|answers|layers|model calls|prompts|variants|runs|verdicts|proposers)\b|\ball 1\b/;
  expect(await page.locator("body").innerText()).not.toMatch(wrong);

  await page.goto("/compare");
  await expect(page.getByText("Aggregator alone (owl)")).toBeVisible();
  const aggregatorAlone = page.locator("label").filter({ hasText: "Aggregator alone (owl)" });
  await expect(aggregatorAlone).toContainText("1 agent");
  await expect(aggregatorAlone).not.toContainText("1 agents");
  expect(await page.locator("body").innerText()).not.toMatch(wrong);
});

test("Compare's LLM-Ranker column names the layer-2 answer it shows on a 3-layer board", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const two = [fast("falcon"), fast("heron")];
  await seedBoard(page, [two, two, [fast("owl")]]);
  await page.goto("/compare");
  const picker = page.getByRole("group", { name: "Variants" });
  // The seeded board is read after mount and resets the choice: choose until the choice holds.
  await expect(async () => {
    for (const box of await picker.getByRole("checkbox").all()) await box.setChecked(false);
    await picker.getByRole("checkbox", { name: /LLM-Ranker/ }).check();
    await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(1, { timeout: 500 });
    await expect(picker.getByRole("checkbox", { name: /^MoA \(3 layers\)/ })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel("Prompt", { exact: true }).fill("Why is the sky blue?");
  await page.getByRole("button", { name: "Compare 1 variant" }).click();

  const column = page.getByRole("region", { name: /LLM-Ranker/ });
  await expect(column.getByRole("status")).toHaveText(/Finished/, { timeout: 60_000 });
  const note = column.getByTestId("ranker-pick");
  await expect(note).toContainText(/Layer 2 · Agent \d/);
  await expect(note).not.toContainText("proposer");
  const agent = Number((await note.textContent())!.match(/Layer 2 · Agent (\d)/)![1]) - 1;

  // The shown answer is that layer-2 agent's text.
  const href = (await column.getByRole("link", { name: "Open the full run" }).getAttribute("href"))!;
  const record = await (await request.get(`/api/runs/${href.split("/r/")[1]}/export?format=json`)).json();
  const finished = record.events.find((e: { type: string; layer: number; agent: number }) => e.type === "agent-finished" && e.layer === 1 && e.agent === agent);
  expect(finished.text).toBe(record.run.finalText);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const SLOTS = ["sim:falcon", "sim:heron", "sim:otter"];

  test("slot cards show every button and the custom marker whole; the graph scrolls sideways on purpose", async ({ page }) => {
    await seedBoard(page, [SLOTS, SLOTS, ["sim:owl"]]);
    await page.goto("/");
    await expect(page.getByRole("button", { name: /^Layer 1 slot 1: / })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Settings for layer 1 slot 1" }).click();
    await page.getByLabel("Temperature value").fill("0.7");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Every card's buttons and marks are wholly inside the card (nothing clipped by its rounded frame).
    const cards = page.locator("li").filter({ has: page.getByRole("button", { name: /^Layer \d slot \d: / }) });
    expect(await cards.count()).toBe(7);
    for (const card of await cards.all()) {
      const frame = await box(card.locator("> div").first());
      for (const control of await card.locator("button:visible, [role=img]:visible").all()) {
        const b = await box(control);
        expect(inside(b, frame), `${await control.getAttribute("aria-label")} inside its card`).toBe(true);
        expect(b.x + b.width).toBeLessThanOrEqual(390);
      }
    }
    await expect(page.getByRole("img", { name: /^Custom settings: temperature 0\.7/ })).toBeVisible();
    // The board's status line reads in full.
    const status = page.getByRole("status").filter({ hasText: "Ready to run" });
    await expect(status).toContainText("3 layers · 7 model calls per run");
    expect(await status.evaluate((el) => [...el.querySelectorAll("span")].every((s) => s.scrollWidth <= s.clientWidth + 1))).toBe(true);
    await cards.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/phone-390-board.png" });

    // The graph: either every node is inside the visible panel, or the panel is a scroller that brings each one fully into view.
    const panel = graph(page);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.locator(".react-flow__node")).toHaveCount(7);
    const scrolls = await panel.evaluate((el) => el.scrollWidth > el.clientWidth && ["auto", "scroll"].includes(getComputedStyle(el).overflowX));
    if (scrolls) await expect(page.getByTestId("graph-scroll-note")).toBeVisible();
    const last = panel.locator(".react-flow__node").last().locator("button");
    if (scrolls) {
      await last.evaluate((el) => el.scrollIntoView({ block: "nearest", inline: "end" }));
    } else {
      const visible = await box(panel);
      for (const node of await panel.locator(".react-flow__node button").all()) expect(inside(await box(node), visible), "node inside the panel").toBe(true);
    }
    expect(inside(await box(last), await box(panel)), "the final aggregator can be brought wholly into view").toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "docs/phone-390-graph.png" });
  });

  test("dark theme on a phone", async ({ page }) => {
    await useTheme(page, "dark");
    await seedBoard(page, [SLOTS, SLOTS, ["sim:owl"]]);
    await page.goto("/");
    await expect(page.getByRole("button", { name: /^Layer 1 slot 1: / })).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "docs/phone-390-dark.png" });
  });
});
