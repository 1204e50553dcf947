"use client";

import { useMemo, useState } from "react";
import {
  closestCorners,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useBoardStore, type Board } from "@/lib/client/board-store";
import { displayName } from "@/lib/client/model-view";
import { useModelsStore } from "@/lib/client/models";
import { announcements, draggedModel, resolveDrop, SCREEN_READER_INSTRUCTIONS, type DragData } from "./dnd-logic";

/**
 * With a pointer, the target is what is under it (so a drop on empty space does nothing);
 * with the keyboard there is no pointer, so the nearest slot wins.
 */
const collisionDetection: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCorners(args);
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

const getBoard = (): Board => {
  const { layers, presetName } = useBoardStore.getState();
  return { layers, presetName };
};
const nameOf = (model: string | null) => displayName(model, useModelsStore.getState().models);

export function useBoardDnd() {
  const [activeModel, setActiveModel] = useState<string | null>(null);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts keeps clicks on slots and palette items working.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter opens a slot's model list, so only Space picks up; Space or Enter drops.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const accessibility = useMemo(
    () => ({ announcements: announcements(getBoard, nameOf), screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }),
    [],
  );

  const onDragStart = (event: DragStartEvent) => {
    setActiveModel(draggedModel(getBoard(), event.active.data.current as DragData | undefined) ?? "");
  };

  const onDragEnd = (event: DragEndEvent) => {
    setActiveModel(null);
    const action = resolveDrop(
      getBoard(),
      event.active.data.current as DragData | undefined,
      event.over?.data.current as DragData | undefined,
    );
    const store = useBoardStore.getState();
    if (action.type === "set") store.setSlotModel(action.pos.layer, action.pos.slot, action.model);
    else if (action.type === "append") store.addSlot(action.layer, action.model);
    else if (action.type === "move") store.moveSlot(action.from, action.to);
  };

  return {
    activeModel,
    contextProps: {
      id: "moa-board",
      sensors,
      collisionDetection,
      accessibility,
      onDragStart,
      onDragEnd,
      onDragCancel: () => setActiveModel(null),
    },
  };
}
