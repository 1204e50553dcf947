import { describe, expect, it } from "vitest";
import { defaultBoard } from "@/lib/client/board-ops";
import { carryRows, describeCarry, moveCarry, type CarryTarget } from "@/components/board/palette-carry";

// The default board: 3 proposers, 3 aggregators, 1 final aggregator.
const board = defaultBoard();
const slot = (layer: number, s: number): CarryTarget => ({ kind: "slot", layer, slot: s });

describe("keyboard carry from the palette", () => {
  it("offers each layer's slots then its end, and no end on the final layer", () => {
    expect(carryRows(board).map((row) => row.map(describeCarry))).toEqual([
      ["layer 1 slot 1", "layer 1 slot 2", "layer 1 slot 3", "the end of layer 1"],
      ["layer 2 slot 1", "layer 2 slot 2", "layer 2 slot 3", "the end of layer 2"],
      ["layer 3 slot 1"],
    ]);
  });

  it("moves down a layer keeping the column, and clamps to the shorter final layer", () => {
    expect(moveCarry(board, slot(0, 1), "ArrowDown")).toEqual(slot(1, 1));
    expect(moveCarry(board, slot(1, 2), "ArrowDown")).toEqual(slot(2, 0));
    expect(moveCarry(board, slot(2, 0), "ArrowUp")).toEqual(slot(1, 0));
  });

  it("walks along a layer to its end and stays at the edges", () => {
    expect(moveCarry(board, slot(0, 2), "ArrowRight")).toEqual({ kind: "add", layer: 0 });
    expect(moveCarry(board, { kind: "add", layer: 0 }, "ArrowRight")).toEqual({ kind: "add", layer: 0 });
    expect(moveCarry(board, { kind: "add", layer: 0 }, "ArrowLeft")).toEqual(slot(0, 2));
    expect(moveCarry(board, slot(0, 0), "ArrowLeft")).toEqual(slot(0, 0));
    expect(moveCarry(board, slot(0, 0), "ArrowUp")).toEqual(slot(0, 0));
    expect(moveCarry(board, slot(2, 0), "ArrowDown")).toEqual(slot(2, 0));
  });
});
