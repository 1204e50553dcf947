import { describe, expect, it } from "vitest";
import { configToBoard, setReadReasoning, updateSlotSettings } from "@/lib/client/board-ops";
import { boardToConfig } from "@/lib/client/board-validate";
import type { MoAConfig } from "@/lib/moa/config";

const config: MoAConfig = {
  layers: [{ agents: [{ model: "compat:r1", reasoningEffort: "high" }, { model: "sim:falcon" }] }, { agents: [{ model: "sim:owl" }], readReasoning: true }],
};

describe("reasoning settings on the board", () => {
  it("survive a round trip between the board and the engine config", () => {
    expect(boardToConfig(configToBoard(config))).toEqual(config);
  });

  it("the layer switch and the effort can be set and cleared", () => {
    let board = configToBoard(config);
    board = setReadReasoning(board, 1, false);
    board = updateSlotSettings(board, 0, 0, { reasoningEffort: undefined });
    expect(boardToConfig(board)).toEqual({ layers: [{ agents: [{ model: "compat:r1" }, { model: "sim:falcon" }] }, { agents: [{ model: "sim:owl" }] }] });
    board = updateSlotSettings(setReadReasoning(board, 1, true), 0, 1, { reasoningEffort: "low" });
    expect(boardToConfig(board).layers[1].readReasoning).toBe(true);
    expect(boardToConfig(board).layers[0].agents[1].reasoningEffort).toBe("low");
  });
});
