import { beforeEach, describe, expect, it } from "vitest";
import { useBoardStore, validateBoard } from "@/lib/client/board-store";
import { moaConfigSchema } from "@/lib/moa/config";

const state = () => useBoardStore.getState();
const models = () => state().layers.map((l) => l.slots.map((s) => s.model));

describe("board store", () => {
  beforeEach(() => state().reset());

  it("produces a config the engine accepts from the default board", () => {
    const config = state().getConfig();
    expect(moaConfigSchema.safeParse(config).success).toBe(true);
    expect(config.layers.map((l) => l.agents.length)).toEqual([3, 3, 1]);
  });

  it("carries per-agent settings and synthesis prompts into the config", () => {
    state().updateSlotSettings(0, 1, { temperature: 1.1, maxTokens: 300, system: "Answer as a poet" });
    state().setSynthesisPrompt(1, "Merge them carefully.");
    const config = state().getConfig();
    expect(config.layers[0].agents[1]).toEqual({ model: "sim:heron", temperature: 1.1, maxTokens: 300, system: "Answer as a poet" });
    expect(config.layers[1].synthesisPrompt).toBe("Merge them carefully.");
    expect(config.layers[0]).not.toHaveProperty("synthesisPrompt");
  });

  it("applies a preset and remembers its name", () => {
    state().applyPreset({ layers: [{ agents: [{ model: "sim:lynx" }] }] }, "Single model");
    expect(models()).toEqual([["sim:lynx"]]);
    expect(state().presetName).toBe("Single model");
    state().addLayer();
    expect(state().presetName).toBeUndefined();
  });

  it("moves across layers through the store action", () => {
    state().moveSlot({ layer: 0, slot: 2 }, { layer: 1, slot: 3 });
    expect(models()).toEqual([["sim:falcon", "sim:heron"], ["sim:falcon", "sim:heron", "sim:otter", "sim:otter"], ["sim:owl"]]);
    expect(validateBoard(state()).ok).toBe(true);
  });

  it("writes the board to localStorage under moa-board-v1", async () => {
    state().setSlotModel(0, 0, "sim:badger");
    const stored = await useBoardStore.persist.getOptions().storage?.getItem("moa-board-v1");
    const layers = (stored!.state as { layers: { slots: { model: string }[] }[] }).layers;
    expect(layers[0].slots[0].model).toBe("sim:badger");
  });
});
