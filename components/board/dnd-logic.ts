import type { Board, SlotPos } from "@/lib/client/board-ops";
import { findSlot } from "@/lib/client/board-ops";

/** What each draggable or droppable carries in dnd-kit's `data`. */
export type DragData =
  | { kind: "palette"; model: string }
  | { kind: "slot"; slotId: string }
  | { kind: "add"; layerId: string };

export const paletteDragId = (model: string) => `palette:${model}`;
export const addTargetId = (layerId: string) => `add:${layerId}`;

export type DropAction =
  | { type: "set"; pos: SlotPos; model: string }
  | { type: "append"; layer: number; model: string }
  | { type: "move"; from: SlotPos; to: SlotPos }
  | { type: "none" };

export function layerIndex(board: Board, layerId: string): number {
  return board.layers.findIndex((l) => l.layerId === layerId);
}

/** Turns "this was dropped on that" into one board operation. */
export function resolveDrop(board: Board, active: DragData | undefined, over: DragData | undefined): DropAction {
  if (!active || !over) return { type: "none" };
  if (active.kind === "palette") {
    if (over.kind === "slot") {
      const pos = findSlot(board, over.slotId);
      return pos ? { type: "set", pos, model: active.model } : { type: "none" };
    }
    if (over.kind === "add") {
      const layer = layerIndex(board, over.layerId);
      return layer >= 0 ? { type: "append", layer, model: active.model } : { type: "none" };
    }
    return { type: "none" };
  }
  if (active.kind !== "slot") return { type: "none" };
  const from = findSlot(board, active.slotId);
  if (!from) return { type: "none" };
  if (over.kind === "slot") {
    if (over.slotId === active.slotId) return { type: "none" };
    const to = findSlot(board, over.slotId);
    return to ? { type: "move", from, to } : { type: "none" };
  }
  if (over.kind === "add") {
    const layer = layerIndex(board, over.layerId);
    if (layer < 0) return { type: "none" };
    const length = board.layers[layer].slots.length;
    // Appending to its own layer means "move to the end".
    return { type: "move", from, to: { layer, slot: layer === from.layer ? length - 1 : length } };
  }
  return { type: "none" };
}

/** "layer 2 slot 1", "the end of layer 1", "the palette": positions as a listener hears them. */
export function describePlace(board: Board, data: DragData | undefined): string {
  if (!data) return "nowhere";
  if (data.kind === "palette") return "the palette";
  if (data.kind === "add") return `the end of layer ${layerIndex(board, data.layerId) + 1}`;
  const pos = findSlot(board, data.slotId);
  return pos ? `layer ${pos.layer + 1} slot ${pos.slot + 1}` : "a slot";
}

export function draggedModel(board: Board, data: DragData | undefined): string | null {
  if (!data) return null;
  if (data.kind === "palette") return data.model;
  if (data.kind === "slot") {
    const pos = findSlot(board, data.slotId);
    return pos ? board.layers[pos.layer].slots[pos.slot].model : null;
  }
  return null;
}

export type Naming = (model: string | null) => string;

/** Screen-reader sentences for each drag phase (dnd-kit reads them from a live region). */
export function announcements(getBoard: () => Board, name: Naming) {
  const what = (data: DragData | undefined) => name(draggedModel(getBoard(), data));
  return {
    onDragStart({ active }: { active: { data: { current?: unknown } } }) {
      const data = active.data.current as DragData | undefined;
      return `Picked up ${what(data)} from ${describePlace(getBoard(), data)}.`;
    },
    onDragOver({ active, over }: { active: { data: { current?: unknown } }; over: { data: { current?: unknown } } | null }): string | undefined {
      const data = active.data.current as DragData | undefined;
      if (!over) return `${what(data)} is no longer over a drop target.`;
      // Over its own place right after pickup: keep the "Picked up" sentence.
      if (data?.kind === "slot" && (over.data.current as DragData | undefined)?.kind === "slot" && (over.data.current as { slotId: string }).slotId === data.slotId) {
        return undefined;
      }
      return `${what(data)} is over ${describePlace(getBoard(), over.data.current as DragData)}.`;
    },
    onDragEnd({ active, over }: { active: { data: { current?: unknown } }; over: { data: { current?: unknown } } | null }) {
      const data = active.data.current as DragData | undefined;
      if (!over) return `${what(data)} was dropped outside the board. Nothing changed.`;
      // The board has already changed: a moved slot is described where it landed.
      const place = data?.kind === "slot" ? data : (over.data.current as DragData);
      return `Dropped ${what(data)} in ${describePlace(getBoard(), place)}.`;
    },
    onDragCancel({ active }: { active: { data: { current?: unknown } } }) {
      const data = active.data.current as DragData | undefined;
      return `Dragging cancelled. ${what(data)} stays in ${describePlace(getBoard(), data)}.`;
    },
  };
}

export const SCREEN_READER_INSTRUCTIONS =
  "To pick up a model, press Space. While dragging, use the arrow keys to move it between slots and layers. " +
  "Press Space again to drop it, or Escape to cancel. Press Enter on a slot to choose its model from a list.";
