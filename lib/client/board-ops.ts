import { LIMITS } from "@/lib/moa/limits";
import type { LayerPolicy, MoAConfig, ReasoningEffort } from "@/lib/moa/config";

/** One agent position on the board. `slotId` is stable across moves so drag and drop can track it. */
export type BoardSlot = {
  slotId: string;
  model: string | null;
  temperature?: number;
  maxTokens?: number;
  system?: string;
  reasoningEffort?: ReasoningEffort;
};

export type BoardLayer = {
  layerId: string;
  slots: BoardSlot[];
  synthesisPrompt?: string;
  policy?: LayerPolicy;
  /** Its agents also read the previous layer's reasoning (trace-level synthesis). */
  readReasoning?: boolean;
};

/** Layer 0 = proposers, later layers = aggregators, the last layer = the single final aggregator. */
export type Board = { layers: BoardLayer[]; presetName?: string };

/** 0-based position of a slot. `slot` may equal the layer's length to mean "append". */
export type SlotPos = { layer: number; slot: number };

export type SlotSettings = Pick<BoardSlot, "temperature" | "maxTokens" | "system" | "reasoningEffort">;

export function newId(prefix: string): string {
  const uuid = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${uuid}`;
}

export function emptySlot(model: string | null = null): BoardSlot {
  return { slotId: newId("slot"), model };
}

function layerOf(models: (string | null)[]): BoardLayer {
  return { layerId: newId("layer"), slots: models.map((m) => emptySlot(m)) };
}

/** What a new visitor sees: a 3-layer MoA on simulated models, so Run works at once. */
export function defaultBoard(): Board {
  const proposers = ["sim:falcon", "sim:heron", "sim:otter"];
  return { layers: [layerOf(proposers), layerOf(proposers), layerOf(["sim:owl"])] };
}

export function configToBoard(config: MoAConfig, presetName?: string): Board {
  return {
    presetName,
    layers: config.layers.map((layer) => ({
      layerId: newId("layer"),
      synthesisPrompt: layer.synthesisPrompt,
      policy: layer.policy,
      ...(layer.readReasoning && { readReasoning: true }),
      slots: layer.agents.map((agent) => ({ ...emptySlot(agent.model), ...withoutUndefined(agent) })),
    })),
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const isFinal = (board: Board, layer: number) => layer === board.layers.length - 1;

function mapLayer(board: Board, index: number, fn: (layer: BoardLayer) => BoardLayer): Board {
  if (!board.layers[index]) return board;
  return { ...board, layers: board.layers.map((l, i) => (i === index ? fn(l) : l)) };
}

function copySlot(slot: BoardSlot): BoardSlot {
  return { ...slot, slotId: newId("slot") };
}

/**
 * Inserts an aggregator layer just before the final one. It starts as a copy of the layer before it
 * (the paper reuses the same models in every layer), so the board stays runnable.
 */
export function addLayer(board: Board): Board {
  if (board.layers.length >= LIMITS.maxLayers) return board;
  const finalIndex = board.layers.length - 1;
  const template = finalIndex > 0 ? board.layers[finalIndex - 1].slots : board.layers[finalIndex].slots;
  const layer: BoardLayer = { layerId: newId("layer"), slots: template.map(copySlot) };
  const layers = [...board.layers];
  layers.splice(finalIndex, 0, layer);
  return { ...board, layers, presetName: undefined };
}

/** The final layer cannot be removed: there is always a final aggregator. */
export function removeLayer(board: Board, index: number): Board {
  if (board.layers.length <= 1 || isFinal(board, index) || !board.layers[index]) return board;
  return { ...board, layers: board.layers.filter((_, i) => i !== index), presetName: undefined };
}

export function addSlot(board: Board, layer: number, model: string | null = null): Board {
  if (isFinal(board, layer)) return board;
  return mapLayer(board, layer, (l) =>
    l.slots.length >= LIMITS.maxAgentsPerLayer ? l : { ...l, slots: [...l.slots, emptySlot(model)] },
  );
}

/** Removing the final aggregator or a layer's only slot empties it instead, so layers never vanish by surprise. */
export function removeSlot(board: Board, layer: number, slot: number): Board {
  return mapLayer(board, layer, (l) => {
    if (!l.slots[slot]) return l;
    if (l.slots.length === 1) return { ...l, slots: [{ slotId: l.slots[0].slotId, model: null }] };
    return { ...l, slots: l.slots.filter((_, i) => i !== slot) };
  });
}

export function setSlotModel(board: Board, layer: number, slot: number, model: string | null): Board {
  return mapLayer(board, layer, (l) => ({
    ...l,
    slots: l.slots.map((s, i) => (i === slot ? { ...s, model } : s)),
  }));
}

export function updateSlotSettings(board: Board, layer: number, slot: number, patch: SlotSettings): Board {
  return mapLayer(board, layer, (l) => ({
    ...l,
    slots: l.slots.map((s, i) => {
      if (i !== slot) return s;
      const next: BoardSlot = { ...s, ...patch };
      for (const key of ["temperature", "maxTokens", "system", "reasoningEffort"] as const) {
        if (next[key] === undefined || next[key] === "") delete next[key];
      }
      return next;
    }),
  }));
}

/** Same model sampled again: the copy lands right after the original, with the same settings. */
export function duplicateSlot(board: Board, layer: number, slot: number): Board {
  if (isFinal(board, layer)) return board;
  return mapLayer(board, layer, (l) => {
    const original = l.slots[slot];
    if (!original || l.slots.length >= LIMITS.maxAgentsPerLayer) return l;
    const slots = [...l.slots];
    slots.splice(slot + 1, 0, copySlot(original));
    return { ...l, slots };
  });
}

export function setSynthesisPrompt(board: Board, layer: number, prompt: string | undefined): Board {
  return mapLayer(board, layer, (l) => ({ ...l, synthesisPrompt: prompt?.trim() ? prompt : undefined }));
}

export function setReadReasoning(board: Board, layer: number, on: boolean): Board {
  return mapLayer(board, layer, ({ readReasoning: _, ...l }) => (on ? { ...l, readReasoning: true } : l));
}

export function setLayerPolicy(board: Board, layer: number, policy: LayerPolicy | undefined): Board {
  return mapLayer(board, layer, (l) => ({ ...l, policy }));
}

/**
 * Moves a slot within a layer (reorder) or across layers (insert at `to`). Where a plain move would
 * leave the final layer with other than one slot, or empty a layer, the two slots swap instead
 * (or, when appending, the source is left empty).
 */
export function moveSlot(board: Board, from: SlotPos, to: SlotPos): Board {
  const source = board.layers[from.layer];
  const target = board.layers[to.layer];
  const moving = source?.slots[from.slot];
  if (!source || !target || !moving) return board;

  if (from.layer === to.layer) {
    const slots = [...source.slots];
    const [item] = slots.splice(from.slot, 1);
    slots.splice(Math.min(to.slot, slots.length), 0, item);
    return mapLayer(board, from.layer, (l) => ({ ...l, slots }));
  }

  const mustSwap = isFinal(board, to.layer) || isFinal(board, from.layer) || source.slots.length === 1;
  if (mustSwap) {
    const other = target.slots[to.slot];
    if (other) {
      const swapped = mapLayer(board, from.layer, (l) => ({
        ...l,
        slots: l.slots.map((s, i) => (i === from.slot ? other : s)),
      }));
      return mapLayer(swapped, to.layer, (l) => ({
        ...l,
        slots: l.slots.map((s, i) => (i === to.slot ? moving : s)),
      }));
    }
    if (isFinal(board, to.layer) || target.slots.length >= LIMITS.maxAgentsPerLayer) return board;
    const emptied = mapLayer(board, from.layer, (l) => ({
      ...l,
      slots: l.slots.map((s, i) => (i === from.slot ? emptySlot() : s)),
    }));
    return mapLayer(emptied, to.layer, (l) => ({ ...l, slots: [...l.slots, moving] }));
  }

  if (target.slots.length >= LIMITS.maxAgentsPerLayer) return board;
  const removed = mapLayer(board, from.layer, (l) => ({ ...l, slots: l.slots.filter((_, i) => i !== from.slot) }));
  return mapLayer(removed, to.layer, (l) => {
    const slots = [...l.slots];
    slots.splice(Math.min(to.slot, slots.length), 0, moving);
    return { ...l, slots };
  });
}

export function findSlot(board: Board, slotId: string): SlotPos | null {
  for (let layer = 0; layer < board.layers.length; layer++) {
    const slot = board.layers[layer].slots.findIndex((s) => s.slotId === slotId);
    if (slot >= 0) return { layer, slot };
  }
  return null;
}

export function layerLabel(board: Board, layer: number): string {
  if (isFinal(board, layer)) return board.layers.length === 1 ? "Final aggregator · single model" : "Final aggregator";
  return layer === 0 ? "Layer 1 · Proposers" : `Layer ${layer + 1} · Aggregators`;
}
