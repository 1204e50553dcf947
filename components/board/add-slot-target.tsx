"use client";

import { useDndContext, useDroppable } from "@dnd-kit/core";
import { cn } from "@/components/ui/cn";
import { PlusIcon } from "@/components/ui/board-icons";
import { addTargetId, type DragData } from "./dnd-logic";

/** The end of a layer: drop a model here to append it, or click to add an empty slot. */
export function AddSlotTarget({ layerId, layer, onAdd, full }: { layerId: string; layer: number; onAdd: () => void; full: boolean }) {
  const data: DragData = { kind: "add", layerId };
  const { setNodeRef, isOver } = useDroppable({ id: addTargetId(layerId), data, disabled: full });
  const { active } = useDndContext();
  return (
    <li ref={setNodeRef} className="w-[calc(50%-0.375rem)] sm:w-48">
      <button
        type="button"
        onClick={onAdd}
        disabled={full}
        aria-label={`Add a slot to layer ${layer + 1}`}
        title={full ? "This layer is full" : "Add a slot (or drop a model here)"}
        className={cn(
          "flex h-full min-h-[5.25rem] w-full flex-col items-center justify-center gap-1 rounded-xl border border-dashed border-line-strong text-xs text-muted",
          "transition-colors hover:border-accent hover:text-accent focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40",
          active && !full && "border-accent/70 bg-accent/5 text-accent",
          isOver && "border-accent bg-accent/10 ring-2 ring-accent/40",
        )}
      >
        <PlusIcon size={16} />
        {active ? "Drop to add here" : "Add slot"}
      </button>
    </li>
  );
}
