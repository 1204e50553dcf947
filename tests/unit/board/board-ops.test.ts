import { describe, expect, it } from "vitest";
import {
  addLayer,
  addSlot,
  configToBoard,
  defaultBoard,
  duplicateSlot,
  moveSlot,
  removeLayer,
  removeSlot,
  updateSlotSettings,
  type Board,
} from "@/lib/client/board-ops";
import { LIMITS } from "@/lib/moa/limits";

const models = (board: Board) => board.layers.map((l) => l.slots.map((s) => s.model));

function board(...layers: (string | null)[][]): Board {
  return configToBoard({ layers: layers.map((l) => ({ agents: l.map((model) => ({ model: model ?? "x:y" })) })) });
}

describe("board operations", () => {
  it("starts a new visitor on a 3-layer simulated MoA", () => {
    expect(models(defaultBoard())).toEqual([
      ["sim:falcon", "sim:heron", "sim:otter"],
      ["sim:falcon", "sim:heron", "sim:otter"],
      ["sim:owl"],
    ]);
  });

  it("moves a proposer into an aggregator layer at the drop position", () => {
    const b = board(["sim:a", "sim:b", "sim:c"], ["sim:d", "sim:e"], ["sim:owl"]);
    const moved = moveSlot(b, { layer: 0, slot: 1 }, { layer: 1, slot: 0 });
    expect(models(moved)).toEqual([["sim:a", "sim:c"], ["sim:b", "sim:d", "sim:e"], ["sim:owl"]]);
    // The slot keeps its identity so drag and drop can follow it.
    expect(moved.layers[1].slots[0].slotId).toBe(b.layers[0].slots[1].slotId);
  });

  it("reorders within a layer", () => {
    const b = board(["sim:a", "sim:b", "sim:c"], ["sim:owl"]);
    expect(models(moveSlot(b, { layer: 0, slot: 0 }, { layer: 0, slot: 2 }))[0]).toEqual(["sim:b", "sim:c", "sim:a"]);
  });

  it("swaps with the final aggregator so the final layer keeps exactly one slot", () => {
    const b = board(["sim:a", "sim:b"], ["sim:owl"]);
    const moved = moveSlot(b, { layer: 0, slot: 0 }, { layer: 1, slot: 0 });
    expect(models(moved)).toEqual([["sim:owl", "sim:b"], ["sim:a"]]);
    const back = moveSlot(moved, { layer: 1, slot: 0 }, { layer: 0, slot: 5 });
    expect(back.layers[1].slots).toHaveLength(1);
    expect(back.layers[1].slots[0].model).toBeNull();
  });

  it("duplicates a slot right after the original with its settings", () => {
    let b = board(["sim:a", "sim:b"], ["sim:owl"]);
    b = updateSlotSettings(b, 0, 0, { temperature: 0.9 });
    const d = duplicateSlot(b, 0, 0);
    expect(models(d)[0]).toEqual(["sim:a", "sim:a", "sim:b"]);
    expect(d.layers[0].slots[1].temperature).toBe(0.9);
    expect(d.layers[0].slots[1].slotId).not.toBe(d.layers[0].slots[0].slotId);
    expect(duplicateSlot(d, 1, 0)).toBe(d);
  });

  it("empties the final aggregator instead of removing it", () => {
    const b = removeSlot(board(["sim:a", "sim:b"], ["sim:owl"]), 1, 0);
    expect(models(b)).toEqual([["sim:a", "sim:b"], [null]]);
    expect(models(removeSlot(b, 0, 0))).toEqual([["sim:b"], [null]]);
  });

  it("adds a layer before the final one, copying the previous layer", () => {
    const b = addLayer(board(["sim:a", "sim:b"], ["sim:owl"]));
    expect(models(b)).toEqual([["sim:a", "sim:b"], ["sim:a", "sim:b"], ["sim:owl"]]);
    expect(b.layers[1].slots[0].slotId).not.toBe(b.layers[0].slots[0].slotId);
  });

  it("never removes the final layer or adds slots to it", () => {
    const b = board(["sim:a"], ["sim:owl"]);
    expect(removeLayer(b, 1)).toBe(b);
    expect(addSlot(b, 1, "sim:x")).toBe(b);
    expect(models(removeLayer(b, 0))).toEqual([["sim:owl"]]);
  });

  it("stops at the per-layer limit", () => {
    let b = board(["sim:a"], ["sim:owl"]);
    for (let i = 0; i < LIMITS.maxAgentsPerLayer + 3; i++) b = addSlot(b, 0, "sim:a");
    expect(b.layers[0].slots).toHaveLength(LIMITS.maxAgentsPerLayer);
  });

  it("clears a setting when it is set to undefined", () => {
    let b = updateSlotSettings(board(["sim:a"], ["sim:owl"]), 0, 0, { maxTokens: 200, system: "Be brief" });
    b = updateSlotSettings(b, 0, 0, { maxTokens: undefined });
    expect(b.layers[0].slots[0]).not.toHaveProperty("maxTokens");
    expect(b.layers[0].slots[0].system).toBe("Be brief");
  });
});
