import { describe, expect, it } from "vitest";
import { leaderEnd, placeLabels, type LabelRequest, type PlacedLabel } from "@/lib/analysis/label-placement";

const bounds = { left: 0, top: 0, right: 600, bottom: 300 };
const label = (id: string, x: number, y: number, width = 80): LabelRequest => ({ id, x, y, width, height: 14 });
const overlap = (a: PlacedLabel, b: PlacedLabel) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe("placeLabels", () => {
  it("puts a lone label beside its dot, without a leader", () => {
    const { placed, unplaced } = placeLabels([label("a", 100, 100)], bounds);
    expect(unplaced).toEqual([]);
    expect(placed[0]).toMatchObject({ id: "a", leader: false, top: 93 });
    expect(placed[0].left).toBeGreaterThan(100);
  });

  it("keeps a crowd of dots' labels apart, off every dot and inside the plot", () => {
    // The Insights crowd near the origin: five dots within a few pixels of each other.
    const crowd = [label("a", 10, 290), label("b", 14, 290), label("c", 18, 288), label("d", 60, 250), label("e", 64, 246), label("f", 300, 150)];
    const { placed, unplaced } = placeLabels(crowd, bounds);
    expect(placed.length + unplaced.length).toBe(crowd.length);
    expect(placed.length).toBeGreaterThanOrEqual(4);
    for (const [i, a] of placed.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.left + a.width).toBeLessThanOrEqual(600);
      expect(a.top).toBeGreaterThanOrEqual(0);
      expect(a.top + a.height).toBeLessThanOrEqual(300);
      for (const b of placed.slice(i + 1)) expect(overlap(a, b), `${a.id} vs ${b.id}`).toBe(false);
      for (const dot of crowd) {
        const hits = dot.x + 5 > a.left && dot.x - 5 < a.left + a.width && dot.y + 5 > a.top && dot.y - 5 < a.top + a.height;
        expect(hits, `${a.id} covers dot ${dot.id}`).toBe(false);
      }
    }
  });

  it("gives up on a label with no free spot rather than overprinting", () => {
    const tight = { left: 0, top: 0, right: 100, bottom: 30 };
    const { placed, unplaced } = placeLabels([label("a", 50, 15, 90), label("b", 52, 15, 90)], tight);
    expect(placed.length).toBeLessThanOrEqual(1);
    expect(unplaced.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps labels off other marks, such as a whisker through the spot beside the dot", () => {
    const whisker = { left: 100, right: 200, top: 90, bottom: 110 };
    const { placed } = placeLabels([label("a", 100, 100)], bounds, { obstacles: [whisker] });
    expect(placed[0].left + placed[0].width <= 100 || placed[0].top + placed[0].height <= 90 || placed[0].top >= 110).toBe(true);
  });

  it("crosses a whisker rather than leave a dot unnamed", () => {
    const everywhere = { left: 0, right: 600, top: 0, bottom: 300 };
    expect(placeLabels([label("a", 100, 100)], bounds, { obstacles: [everywhere] }).placed).toHaveLength(1);
  });

  it("ends a leader line on the nearest edge of the label", () => {
    expect(leaderEnd({ id: "a", left: 50, top: 10, width: 40, height: 14, leader: true }, 20, 40)).toEqual({ x: 50, y: 24 });
  });
});
