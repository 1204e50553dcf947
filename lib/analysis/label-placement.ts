/**
 * Where to write each dot's name on a scatter chart so that no two names overprint, no name
 * covers a dot, and every name stays on one line inside the plot. Greedy: dots in priority
 * order take the first free spot of a ring around them, nearer rings first; a dot with no
 * free spot gets no label (the caller lists it instead), which beats an unreadable pile.
 */

export interface LabelRequest {
  id: string;
  /** The dot's centre, in pixels. */
  x: number;
  y: number;
  /** The label's size on screen, in pixels. */
  width: number;
  height: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedLabel {
  id: string;
  /** Top-left corner of the label's box. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The label sits away from its dot: draw a thin line from the dot to it. */
  leader: boolean;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Ids of dots whose label found no free spot. */
  unplaced: string[];
}

const GAP = 3;

/** Candidate top-left corners around a dot: beside it first (most readable), then above and below, then diagonals. */
function candidates(p: LabelRequest, radius: number, reach: number): { left: number; top: number }[] {
  const d = radius + GAP + reach;
  const { x, y, width: w, height: h } = p;
  return [
    { left: x + d, top: y - h / 2 },
    { left: x - d - w, top: y - h / 2 },
    { left: x - w / 2, top: y - d - h },
    { left: x - w / 2, top: y + d },
    { left: x + d * 0.7, top: y - d * 0.7 - h },
    { left: x - d * 0.7 - w, top: y - d * 0.7 - h },
    { left: x + d * 0.7, top: y + d * 0.7 },
    { left: x - d * 0.7 - w, top: y + d * 0.7 },
  ];
}

const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export interface PlaceOptions {
  /** Dot radius in pixels. */
  radius?: number;
  /** How far from the dot to look, nearest first; beyond 0 the label gets a leader line. */
  reaches?: number[];
  /** Marks a label avoids when it can, such as error whiskers; it crosses one rather than go unnamed. */
  obstacles?: Rect[];
}

export function placeLabels(requests: LabelRequest[], bounds: Rect, { radius = 5, reaches = [0, 10, 22, 36], obstacles = [] }: PlaceOptions = {}): Placement {
  const dots: Rect[] = requests.map((p) => ({ left: p.x - radius, top: p.y - radius, right: p.x + radius, bottom: p.y + radius }));
  const taken: Rect[] = [];
  const placed: PlacedLabel[] = [];
  const unplaced: string[] = [];
  const find = (p: LabelRequest, marks: Rect[]): PlacedLabel | undefined => {
    for (const reach of reaches) {
      for (const c of candidates(p, radius, reach)) {
        const box = { left: c.left, top: c.top, right: c.left + p.width, bottom: c.top + p.height };
        const inside = box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
        if (!inside || taken.some((t) => intersects(t, box)) || marks.some((d) => intersects(d, box))) continue;
        taken.push(box);
        return { id: p.id, left: box.left, top: box.top, width: p.width, height: p.height, leader: reach > 0 };
      }
    }
    return undefined;
  };
  for (const p of requests) {
    // Crossing a whisker beats no name at all; crossing a dot or another name does not.
    const spot = find(p, [...dots, ...obstacles]) ?? find(p, dots);
    if (spot) placed.push(spot);
    else unplaced.push(p.id);
  }
  return { placed, unplaced };
}

/** Where a leader line from the dot meets the label's box: the nearest point of the box. */
export function leaderEnd(label: PlacedLabel, x: number, y: number): { x: number; y: number } {
  return {
    x: Math.min(Math.max(x, label.left), label.left + label.width),
    y: Math.min(Math.max(y, label.top), label.top + label.height),
  };
}
