import type { Board } from "@/lib/client/board-ops";
import { LIMITS } from "@/lib/moa/limits";

/** Where a model carried from the palette with the keyboard can land: a slot, or a layer's end. */
export type CarryTarget = { kind: "slot"; layer: number; slot: number } | { kind: "add"; layer: number };

/** Each layer's targets left to right: its slots, then its add target unless it is full or final. */
export function carryRows(board: Board): CarryTarget[][] {
  const last = board.layers.length - 1;
  return board.layers.map((l, layer) => {
    const row: CarryTarget[] = l.slots.map((_, slot) => ({ kind: "slot", layer, slot }));
    if (layer !== last && l.slots.length < LIMITS.maxAgentsPerLayer) row.push({ kind: "add", layer });
    return row;
  });
}

const column = (t: CarryTarget, rows: CarryTarget[][]) => (t.kind === "slot" ? t.slot : rows[t.layer].length - 1);

/** Arrow keys: left/right along a layer, up/down to the nearest place of the next layer. */
export function moveCarry(board: Board, from: CarryTarget, key: string): CarryTarget {
  const rows = carryRows(board);
  const row = rows[from.layer] ?? [];
  const at = column(from, rows);
  if (key === "ArrowLeft") return row[Math.max(0, at - 1)] ?? from;
  if (key === "ArrowRight") return row[Math.min(row.length - 1, at + 1)] ?? from;
  const layer = from.layer + (key === "ArrowDown" ? 1 : key === "ArrowUp" ? -1 : 0);
  const next = rows[layer];
  if (!next || next.length === 0 || layer === from.layer) return from;
  return next[Math.min(at, next.length - 1)];
}

export function describeCarry(target: CarryTarget): string {
  return target.kind === "slot" ? `layer ${target.layer + 1} slot ${target.slot + 1}` : `the end of layer ${target.layer + 1}`;
}

/** The accessible name prefix of the element a target stands for (slot cards and add buttons say it). */
export function carryLabel(target: CarryTarget): string {
  return target.kind === "slot" ? `Layer ${target.layer + 1} slot ${target.slot + 1}: ` : `Add a slot to layer ${target.layer + 1}`;
}
