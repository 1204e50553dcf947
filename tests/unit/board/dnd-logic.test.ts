import { describe, expect, it } from "vitest";
import { defaultBoard, moveSlot, setSlotModel } from "@/lib/client/board-ops";
import { announcements, resolveDrop, type DragData } from "@/components/board/dnd-logic";

const board = defaultBoard();
const slotData = (layer: number, slot: number): DragData => ({ kind: "slot", slotId: board.layers[layer].slots[slot].slotId });
const addData = (layer: number): DragData => ({ kind: "add", layerId: board.layers[layer].layerId });
const name = (m: string | null) => (m ? `${m.slice(4, 5).toUpperCase()}${m.slice(5)} (simulated)` : "empty");
const wrap = (data: DragData) => ({ data: { current: data } });

describe("drop resolution", () => {
  it("puts a palette model into the slot it is dropped on", () => {
    expect(resolveDrop(board, { kind: "palette", model: "sim:lynx" }, slotData(1, 2))).toEqual({
      type: "set",
      pos: { layer: 1, slot: 2 },
      model: "sim:lynx",
    });
  });

  it("appends a palette model dropped on a layer's add target", () => {
    expect(resolveDrop(board, { kind: "palette", model: "sim:lynx" }, addData(0))).toEqual({ type: "append", layer: 0, model: "sim:lynx" });
  });

  it("moves a slot to the position of the slot it is dropped on, across layers", () => {
    expect(resolveDrop(board, slotData(0, 2), slotData(1, 0))).toEqual({ type: "move", from: { layer: 0, slot: 2 }, to: { layer: 1, slot: 0 } });
  });

  it("moves a slot to the end of its own layer when dropped on that layer's add target", () => {
    const action = resolveDrop(board, slotData(0, 0), addData(0));
    expect(action).toEqual({ type: "move", from: { layer: 0, slot: 0 }, to: { layer: 0, slot: 2 } });
    if (action.type !== "move") throw new Error("expected a move");
    expect(moveSlot(board, action.from, action.to).layers[0].slots.map((s) => s.model)).toEqual(["sim:heron", "sim:otter", "sim:falcon"]);
  });

  it("does nothing when dropped on itself or outside", () => {
    expect(resolveDrop(board, slotData(0, 0), slotData(0, 0))).toEqual({ type: "none" });
    expect(resolveDrop(board, slotData(0, 0), undefined)).toEqual({ type: "none" });
  });
});

describe("screen-reader announcements", () => {
  it("names the model and its slot when picked up and where it lands", () => {
    let current = board;
    const a = announcements(() => current, name);
    expect(a.onDragStart({ active: wrap(slotData(0, 1)) })).toBe("Picked up Heron (simulated) from layer 1 slot 2.");
    expect(a.onDragOver({ active: wrap(slotData(0, 1)), over: wrap(slotData(0, 1)) })).toBeUndefined();
    expect(a.onDragOver({ active: wrap(slotData(0, 1)), over: wrap(slotData(1, 0)) })).toBe("Heron (simulated) is over layer 2 slot 1.");
    current = moveSlot(board, { layer: 0, slot: 1 }, { layer: 1, slot: 0 });
    expect(a.onDragEnd({ active: wrap(slotData(0, 1)), over: wrap(slotData(1, 0)) })).toBe("Dropped Heron (simulated) in layer 2 slot 1.");
  });

  it("describes palette drags and cancels", () => {
    const a = announcements(() => setSlotModel(board, 0, 0, null), name);
    const palette = { kind: "palette", model: "sim:owl" } as const;
    expect(a.onDragStart({ active: wrap(palette) })).toBe("Picked up Owl (simulated) from the palette.");
    expect(a.onDragOver({ active: wrap(palette), over: wrap(addData(1)) })).toBe("Owl (simulated) is over the end of layer 2.");
    expect(a.onDragCancel({ active: wrap(slotData(0, 2)) })).toBe("Dragging cancelled. Otter (simulated) stays in layer 1 slot 3.");
  });
});
