import { expect, type Locator, type Page } from "@playwright/test";

export const finalText = (page: Page) => page.getByRole("region", { name: "Final answer", exact: true }).getByTestId("final-text");

/**
 * An answer's text once it has settled: markdown blocks are shown as plain text while they
 * stream or wait for their background parse (marked aria-busy), then rendered.
 */
export async function settledText(answer: Locator): Promise<string> {
  await expect(answer.locator('[aria-busy="true"]')).toHaveCount(0);
  return (await answer.innerText()).trim();
}
