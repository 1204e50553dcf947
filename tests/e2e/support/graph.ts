import { expect, type Page } from "@playwright/test";

export type Box = { x: number; y: number; width: number; height: number };

export const graph = (page: Page) => page.getByRole("group", { name: /^Layer graph/ });

/** Boxes of the graph's nodes as drawn, in layer-then-agent order of their ids. */
export async function nodeBoxes(page: Page): Promise<{ id: string; box: Box }[]> {
  const nodes = graph(page).locator(".react-flow__node");
  const out: { id: string; box: Box }[] = [];
  for (const node of await nodes.all()) {
    const id = (await node.getAttribute("data-id")) ?? "";
    const box = await node.locator("button").boundingBox();
    expect(box, `node ${id} is drawn`).not.toBeNull();
    out.push({ id, box: box! });
  }
  return out;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

/** No two nodes overlap, and every node is wholly inside the panel (nothing clipped). */
export async function expectTidyGraph(page: Page, count: number): Promise<{ id: string; box: Box }[]> {
  await expect(graph(page).locator(".react-flow__node")).toHaveCount(count, { timeout: 30_000 });
  const panel = (await graph(page).boundingBox())!;
  const boxes = await nodeBoxes(page);
  for (const [i, a] of boxes.entries()) {
    expect(inside(a.box, panel), `node ${a.id} inside the graph panel`).toBe(true);
    for (const b of boxes.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} clear of ${b.id}`).toBe(false);
  }
  return boxes;
}
