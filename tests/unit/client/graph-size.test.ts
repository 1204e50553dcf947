import { describe, expect, it } from "vitest";
import { buildNodes, NODE_HEIGHT, NODE_WIDTH } from "@/components/graph/graph-layout";
import { graphSize, READABLE_ZOOM } from "@/components/graph/graph-size";
import type { MoAConfig } from "@/lib/moa/config";

const shape = (...counts: number[]): MoAConfig => ({
  layers: counts.map((n) => ({ agents: Array.from({ length: n }, (_, i) => ({ model: `sim:m${i}` })) })),
});
const desk = { presenter: false, viewportHeight: 900 };

describe("graph panel size", () => {
  it("grows with the tallest layer so 13 agents keep readable labels in a wide panel", () => {
    const small = graphSize(shape(3, 1), 1000, desk);
    const big = graphSize(shape(6, 6, 1), 1000, desk);
    expect(big.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(13 * big.zoom).toBeGreaterThanOrEqual(11);
    expect(big.height).toBeGreaterThan(small.height);
    // Every row fits: six nodes at this zoom are inside the panel.
    expect(big.height).toBeGreaterThanOrEqual((6 * NODE_HEIGHT + 5 * 10) * big.zoom);
  });

  it("keeps the readable zoom in a narrow panel rather than shrinking text to fit", () => {
    expect(graphSize(shape(6, 6, 6, 1), 400, desk).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it("zooms a presenter's graph up, but leaves half the screen for the columns", () => {
    const presenter = graphSize(shape(3, 3, 1), 1400, { presenter: true, viewportHeight: 900 });
    expect(presenter.zoom).toBeGreaterThan(graphSize(shape(3, 3, 1), 1400, desk).zoom);
    expect(graphSize(shape(8, 8, 1), 1400, { presenter: true, viewportHeight: 900 }).height).toBeLessThanOrEqual(450);
  });

  it("lays nodes out without overlap", () => {
    const nodes = buildNodes(shape(6, 6, 1));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const apart =
          a.position.x + NODE_WIDTH <= b.position.x ||
          b.position.x + NODE_WIDTH <= a.position.x ||
          a.position.y + NODE_HEIGHT <= b.position.y ||
          b.position.y + NODE_HEIGHT <= a.position.y;
        expect(apart).toBe(true);
      }
    }
  });
});
