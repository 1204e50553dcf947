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
