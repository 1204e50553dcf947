import { expect, test } from "@playwright/test";
import { finalText } from "./support/answers";
import { seedBoard } from "./support/board";
import { expectTidyGraph, graph, overlaps } from "./support/graph";
import { finishedRun } from "./support/runs";

/** The layer graph stays readable however many agents a board has, and in presenter mode. */

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 90_000 });

const SIX = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx", "sim:badger", "sim:orca"];


test("a 13-agent run draws every node at a readable size, none clipped or overlapping", async ({ page }) => {
  await seedBoard(page, [SIX, SIX, ["sim:owl"]]);
  await page.goto("/");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill("Why do tides happen?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 60_000 });

  const boxes = await expectTidyGraph(page, 13);
  // Nodes are 184 × 56 px at zoom 1: at ≥ 0.85 their 13 px names render at ≥ 11 px.
  for (const { id, box } of boxes) {
    expect(box.width, `${id} width`).toBeGreaterThanOrEqual(184 * 0.85 - 1);
    expect(box.height, `${id} height`).toBeGreaterThanOrEqual(56 * 0.85 - 1);
  }
  await graph(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/graph-13-agents.png" });
});

test("presenter mode on a share link: nodes apart, edges visible, bottom row inside, badges beside names", async ({ page, request }) => {
  const id = await finishedRun(request, {
    layers: [{ agents: SIX.slice(0, 3).map((model) => ({ model })) }, { agents: SIX.slice(0, 3).map((model) => ({ model })) }, { agents: [{ model: "sim:owl" }] }],
  }, "Why do tides happen?");
  await page.goto(`/r/${id}?present=1`);
  await expect(page.getByRole("checkbox", { name: "Step through layers" })).toBeChecked();
  const boxes = await expectTidyGraph(page, 7);

  // Projector-sized: larger than the desk view, with a visible gap for the edges between layers.
  const byLayer = (l: number) => boxes.filter((b) => b.id.startsWith(`a-${l}-`)).map((b) => b.box);
  expect(byLayer(0)[0].width).toBeGreaterThan(184);
  const gap = byLayer(1)[0].x - (byLayer(0)[0].x + byLayer(0)[0].width);
  expect(gap).toBeGreaterThanOrEqual(48);
  const edges = graph(page).locator(".react-flow__edge path.react-flow__edge-path");
  await expect(edges).toHaveCount(3 * 3 + 3);
  for (const edge of await edges.all()) {
    const box = await edge.boundingBox();
    expect(box && box.width).toBeGreaterThanOrEqual(gap * 0.8);
  }

  // The "sim" tag sits beside the name, never on top of it.
  for (const node of await graph(page).locator(".react-flow__node").all()) {
    const name = (await node.getByTestId("node-name").boundingBox())!;
    const tag = (await node.getByText("sim", { exact: true }).boundingBox())!;
    expect(name.width).toBeGreaterThan(30);
    expect(overlaps(name, tag)).toBe(false);
  }
  await page.screenshot({ path: "docs/presenter-graph.png" });
});

test("presenter mode in the playground keeps the live graph tidy", async ({ page }) => {
  await seedBoard(page, [SIX.slice(0, 3), SIX.slice(0, 3), ["sim:owl"]]);
  await page.goto("/?present=1");
  await page.getByRole("textbox", { name: /prompt|follow-up/i }).fill("Why do tides happen?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(finalText(page)).toHaveText(/\w+/, { timeout: 60_000 });
  const boxes = await expectTidyGraph(page, 7);
  expect(boxes[0].box.width).toBeGreaterThan(184);
});
