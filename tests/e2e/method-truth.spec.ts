import { expect, test } from "@playwright/test";

/**
 * A run that left the paper's method, or whose answer was cut, says so where people read it:
 * on the final answer, the agent's column and its graph node, on a share page.
 */

const ask = (content: string) => [{ role: "user", content }];

test("a truncated final answer written from the fastest answer carries both badges", async ({ page, request }) => {
  const config = {
    layers: [
      // Sloth is the straggler: the quorum of 1 goes on without it.
      { agents: [{ model: "sim:falcon?ttft=0" }, { model: "sim:sloth" }], policy: { kind: "quorum", k: 1 } },
      { agents: [{ model: "sim:owl?ttft=0", maxTokens: 6 }] },
    ],
  };
  const created = await request.post("/api/runs", { data: { config, messages: ask("Why is the sky blue?") } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).run.status, { timeout: 30_000 }).toBe("finished");

  await page.goto(`/r/${id}`);
  const final = page.getByRole("region", { name: "Final answer", exact: true });
  const notes = final.getByRole("list", { name: "How this answer was made" });
  await expect(notes.getByText("final answer written from the fastest 1 of 2 answers")).toBeVisible({ timeout: 30_000 });
  await expect(notes.getByText("truncated at 6 tokens")).toBeVisible();

  const column = page.getByRole("region", { name: /^Layer 2 · Agent 1/ });
  await expect(column.getByText("truncated at 6 tokens")).toBeVisible();
  const node = page.getByRole("button", { name: /^Show column Layer 2 · Agent 1 .*, truncated at 6 tokens$/ });
  await expect(node.getByText("cut", { exact: true })).toBeVisible();
  // A proposer that ended on its own is not marked.
  await expect(page.getByRole("region", { name: /^Layer 1 · Agent 1/ }).getByText(/truncated at/)).toHaveCount(0);
});

test("an early-aggregation run says its opening was written from partial answers, on the answer and in the Inputs view", async ({ page, request }) => {
  const config = {
    layers: [{ agents: [{ model: "sim:falcon?tokens=300" }, { model: "sim:heron?tokens=300" }] }, { agents: [{ model: "sim:owl" }] }],
    earlyAggregation: { chunkChars: 40 },
  };
  const created = await request.post("/api/runs", { data: { config, messages: ask("Why do cats purr?") } });
  const { id } = (await created.json()) as { id: string };
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).run.status, { timeout: 30_000 }).toBe("finished");
  const state = await (await request.get(`/api/runs/${id}`)).json();
  expect(state.notes.map((n: { kind: string }) => n.kind)).toEqual(["early"]);

  await page.goto(`/r/${id}`);
  const notes = page.getByRole("region", { name: "Final answer", exact: true }).getByRole("list", { name: "How this answer was made" });
  await expect(notes.getByText("opening written from partial answers")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Inputs for Layer 2 · Agent 1" }).click();
  await expect(page.getByRole("dialog").getByTestId("early-note")).toHaveText(/started from partial answers/);
});
