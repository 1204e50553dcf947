"use client";

import { create } from "zustand";
import { persist } from "zustand/middleware";
import type { LayerPolicy, MoAConfig } from "@/lib/moa/config";
import * as ops from "./board-ops";
import { boardToConfig } from "./board-validate";
import { browserStorage, useRehydrated } from "./persist-storage";

export type { Board, BoardSlot, SlotSettings } from "./board-ops";
export { layerLabel } from "./board-ops";
export type { BoardProblem } from "./board-validate";
export { boardToConfig, validateBoard } from "./board-validate";

export type BoardState = ops.Board & {
  addLayer: () => void;
  removeLayer: (layer: number) => void;
  addSlot: (layer: number, model?: string | null) => void;
  removeSlot: (layer: number, slot: number) => void;
  setSlotModel: (layer: number, slot: number, model: string | null) => void;
  moveSlot: (from: ops.SlotPos, to: ops.SlotPos) => void;
  duplicateSlot: (layer: number, slot: number) => void;
  updateSlotSettings: (layer: number, slot: number, patch: ops.SlotSettings) => void;
  setSynthesisPrompt: (layer: number, prompt: string | undefined) => void;
  setLayerPolicy: (layer: number, policy: LayerPolicy | undefined) => void;
  setReadReasoning: (layer: number, on: boolean) => void;
  applyPreset: (config: MoAConfig, name: string) => void;
  reset: () => void;
  /** The engine config of the current board; call `validateBoard` first, empty slots are dropped. */
  getConfig: () => MoAConfig;
};

const boardOf = (s: ops.Board): ops.Board => ({ layers: s.layers, presetName: s.presetName });

export const useBoardStore = create<BoardState>()(
  persist<BoardState, [], [], ops.Board>(
    (set, get) => {
      const apply = (fn: (board: ops.Board) => ops.Board) => set((s) => fn(boardOf(s)));
      return {
        ...ops.defaultBoard(),
        addLayer: () => apply(ops.addLayer),
        removeLayer: (layer) => apply((b) => ops.removeLayer(b, layer)),
        addSlot: (layer, model = null) => apply((b) => ops.addSlot(b, layer, model)),
        removeSlot: (layer, slot) => apply((b) => ops.removeSlot(b, layer, slot)),
        setSlotModel: (layer, slot, model) => apply((b) => ops.setSlotModel(b, layer, slot, model)),
        moveSlot: (from, to) => apply((b) => ops.moveSlot(b, from, to)),
        duplicateSlot: (layer, slot) => apply((b) => ops.duplicateSlot(b, layer, slot)),
        updateSlotSettings: (layer, slot, patch) => apply((b) => ops.updateSlotSettings(b, layer, slot, patch)),
        setSynthesisPrompt: (layer, prompt) => apply((b) => ops.setSynthesisPrompt(b, layer, prompt)),
        setLayerPolicy: (layer, policy) => apply((b) => ops.setLayerPolicy(b, layer, policy)),
        setReadReasoning: (layer, on) => apply((b) => ops.setReadReasoning(b, layer, on)),
        applyPreset: (config, name) => set(ops.configToBoard(config, name)),
        reset: () => set({ ...ops.defaultBoard(), presetName: undefined }),
        getConfig: () => boardToConfig(boardOf(get())),
      };
    },
    {
      name: "moa-board-v1",
      version: 1,
      storage: browserStorage<ops.Board>(),
      partialize: boardOf,
      // Server markup is the default board; the stored one is applied after mount (see useHydrateBoard).
      skipHydration: true,
      merge: (persisted, current) => (isBoard(persisted) ? { ...current, ...boardOf(persisted) } : current),
    },
  ),
);

/** A stored blob from an older or hand-edited localStorage must not crash the page. */
function isBoard(value: unknown): value is ops.Board {
  if (!value || typeof value !== "object") return false;
  const layers = (value as { layers?: unknown }).layers;
  return (
    Array.isArray(layers) &&
    layers.length > 0 &&
    layers.every(
      (l) =>
        l &&
        typeof l.layerId === "string" &&
        Array.isArray(l.slots) &&
        l.slots.every((s: unknown) => {
          const slot = s as ops.BoardSlot;
          return slot && typeof slot.slotId === "string" && (slot.model === null || typeof slot.model === "string");
        }),
    )
  );
}

/** True once the stored board replaced the server default; render the board after it. */
export function useBoardHydrated(): boolean {
  return useRehydrated(useBoardStore);
}
