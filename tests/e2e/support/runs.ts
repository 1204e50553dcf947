import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Starts a run through the API and waits until its stored state says finished; returns its id. */
export async function finishedRun(request: APIRequestContext, config: unknown, prompt: string): Promise<string> {
  const created = await request.post("/api/runs", { data: { config, messages: [{ role: "user", content: prompt }] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${id}`)).json()) as { run: { status: string } }).run.status, { timeout: 45_000 })
    .toBe("finished");
  return id;
}

/** The answer texts of one layer's columns (1-based layer, as the column headings name it). */
export const layerTexts = (page: Page, layer: number) =>
  page.getByRole("region", { name: new RegExp(`^Layer ${layer} · Agent \\d+ · `) }).getByTestId("agent-text");

/** Types `prompt` into the playground, presses Run and waits for the run to finish; returns its id. */
export async function runOnPlayground(page: Page, prompt: string): Promise<string> {
  const started = page.waitForResponse((r) => r.url().endsWith("/api/runs") && r.request().method() === "POST");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill(prompt);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const { id } = (await (await started).json()) as { id: string };
  await expect(page.getByRole("status").getByText("Finished")).toBeVisible({ timeout: 60_000 });
  return id;
}

/** Two proposers, two aggregators, one final aggregator, all simulated: the board the presenter specs step through. */
export const THREE_LAYER_SIM_BOARD = {
  layers: [
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] },
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] },
    { agents: [{ model: "sim:owl" }] },
  ],
};
