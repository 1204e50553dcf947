"use client";

import { useDraggable } from "@dnd-kit/core";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { displayName } from "@/lib/client/model-view";
import { formatPrice } from "@/lib/client/models";
import type { ModelInfo } from "@/lib/wire/models";
import { GripIcon } from "@/components/ui/board-icons";
import { paletteDragId, type DragData } from "./dnd-logic";
import { usePaletteCarryContext } from "./use-palette-carry";

/**
 * A model to drag onto the board. Clicking it (or Enter) drops it into the first empty slot,
 * or at the end of layer 1: the way to build a board without dragging.
 */
export function PaletteItem({
  model,
  models,
  usable,
  reason,
  groupReason,
  onPick,
}: {
  model: ModelInfo;
  models: readonly ModelInfo[];
  usable: boolean;
  /** Why this model is unusable; shown as text under it. */
  reason?: string;
  /** The provider's reason, already shown above the group: a tooltip only. */
  groupReason?: string;
  onPick: (model: string) => void;
}) {
  const data: DragData = { kind: "palette", model: model.id };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteDragId(model.id), data });
  const name = displayName(model.id, models);
  const price = formatPrice(model.pricePerMTokens);
  const speed = model.speedHint;
  const reasonId = `${model.id}-reason`;
  const carry = usePaletteCarryContext();
  const carried = carry?.carrying === model.id;

  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        {...attributes}
        {...listeners}
        aria-label={`Model ${name}`}
        aria-describedby={cn(attributes["aria-describedby"], !usable && reason && reasonId)}
        title={usable ? "Drag onto a slot, or click to add it to the board" : (reason ?? groupReason)}
        aria-pressed={carried || undefined}
        // Capture: the keyboard carry answers Space before dnd-kit's keyboard sensor would start.
        onKeyDownCapture={(e) => carry?.onKeyDown(model.id, name, e)}
        onBlur={() => carried && carry?.cancel()}
        onClick={() => onPick(model.id)}
        className={cn(
          "group flex w-full cursor-grab items-start gap-2 rounded-lg border border-transparent px-2 py-1.5 text-left transition-colors",
          "hover:border-line hover:bg-surface focus-visible:border-accent focus-visible:bg-surface focus-visible:outline-none active:cursor-grabbing",
          isDragging && "opacity-40",
          carried && "border-accent bg-accent/10",
          !usable && "opacity-55 grayscale",
        )}
      >
        <GripIcon className="mt-1 shrink-0 text-muted/50 group-hover:text-muted" />
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-1.5">
            <span className="truncate text-sm font-medium">{name.replace(/ \(simulated\)$/, "")}</span>
            {model.simulated && <SimulatedBadge />}
          </span>
          <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[11px] text-muted">
            {price && <span className="font-mono">{price}</span>}
            {speed && <span>{speed}</span>}
            {model.activeParamsB !== undefined && <span>{model.activeParamsB}B active</span>}
          </span>
          {!usable && reason && (
            <span id={reasonId} className="mt-0.5 block text-[11px] text-amber-700 dark:text-amber-400">
              {reason}
            </span>
          )}
        </span>
        {!usable && <Badge tone="warning">unavailable</Badge>}
      </button>
    </li>
  );
}
