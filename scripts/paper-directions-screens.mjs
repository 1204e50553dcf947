// Runs the paper directions in a real browser against a running server and takes the two screenshots
// of issue 15: `node scripts/paper-directions-screens.mjs http://127.0.0.1:3221` (Chromium at /usr/bin/chromium).
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3221";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/experiments`);
const card = page.getByRole("region", { name: "Paper directions" });
await card.getByLabel("Judge model").selectOption("sim:owl");
await card.getByRole("button", { name: "Run the paper directions" }).click();
const started = Date.now();
const status = page.getByText(/(Done|Running|Paused): \d+ \/ \d+ steps/);
for (;;) {
  const text = (await status.textContent()) ?? "";
  process.stdout.write(`\r${Math.round((Date.now() - started) / 1000)} s ${text}   `);
  if (text.startsWith("Done")) break;
  if (text.startsWith("Paused")) throw new Error(`stopped: ${await page.getByRole("alert").allTextContents()}`);
  await page.waitForTimeout(5000);
}
console.log(`\nfinished in ${Math.round((Date.now() - started) / 1000)} s`);
const tables = await page.evaluate(() =>
  [...document.querySelectorAll("table")].map((t) => `${t.getAttribute("aria-label")}\n${[...t.rows].map((r) => [...r.cells].map((c) => c.textContent?.trim()).join(" | ")).join("\n")}`),
);
console.log(tables.join("\n\n"));
// From the top: a scrolled page would show the sticky header in the middle of the full-page shot.
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: "docs/experiments-paper-directions.png", fullPage: true });
await page.goto(`${base}/insights`);
await page.getByRole("table", { name: "Judged setups" }).waitFor();
await page.screenshot({ path: "docs/insights-paper-directions.png", fullPage: true });
const insights = await page.evaluate(() =>
  [...document.querySelectorAll("table")].map((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent?.trim()).join(" | ")).join("\n")),
);
console.log(`\n${insights.join("\n\n")}`);
await browser.close();
