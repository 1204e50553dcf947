"use client";

import { useCallback, useState } from "react";
import { useDndContext } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { SimulatedBadge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useBoardStore, type BoardSlot } from "@/lib/client/board-store";
import { displayName } from "@/lib/client/model-view";
import { useModels } from "@/lib/client/models";
import { tweakSummary, withoutTweaks } from "@/lib/client/sim-tweaks";
import { DuplicateIcon, GripIcon, SlidersIcon, TrashIcon } from "@/components/ui/board-icons";
import type { DragData } from "./dnd-logic";
import { plural } from "@/lib/plural";
import { ModelPicker } from "./model-picker";
import { SlotSettingsPopover } from "./slot-settings";

export type SlotRole = "proposer" | "aggregator" | "final";

const ROLE_STRIPE: Record<SlotRole, string> = {
  proposer: "before:bg-sky-500",
  aggregator: "before:bg-violet-500",
  final: "before:bg-amber-500",
};

/** What the slot changes from the model's defaults, in words for its marker's label and tooltip; null when nothing. */
export function settingsSummary(slot: Pick<BoardSlot, "temperature" | "maxTokens" | "system">): string | null {
  const parts = [
    slot.temperature !== undefined && `temperature ${slot.temperature}`,
    slot.maxTokens !== undefined && `at most ${plural(slot.maxTokens, "output token")}`,
    slot.system && "its own system prompt",
  ].filter(Boolean);
  return parts.length ? `Custom settings: ${parts.join(", ")}` : null;
}

export function SlotCard({
  slot,
  layer,
  index,
  role,
  problems,
}: {
  slot: BoardSlot;
  layer: number;
  index: number;
  role: SlotRole;
  problems: string[];
}) {
  const { models } = useModels();
  const { active } = useDndContext();
  const setSlotModel = useBoardStore((s) => s.setSlotModel);
  const updateSlotSettings = useBoardStore((s) => s.updateSlotSettings);
  const duplicateSlot = useBoardStore((s) => s.duplicateSlot);
  const removeSlot = useBoardStore((s) => s.removeSlot);
  const [open, setOpen] = useState<"picker" | "settings" | null>(null);
  const [pickerAnchor, setPickerAnchor] = useState<HTMLElement | null>(null);
  const [settingsAnchor, setSettingsAnchor] = useState<HTMLElement | null>(null);
  const close = useCallback(() => setOpen(null), []);

  const data: DragData = { kind: "slot", slotId: slot.slotId };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, isOver } =
    useSortable({ id: slot.slotId, data });

  const place = `layer ${layer + 1} slot ${index + 1}`;
  const name = displayName(slot.model, models);
  const info = slot.model ? models.find((m) => m.id === slot.model) : undefined;
  const simulated = info?.simulated ?? slot.model?.startsWith("sim:") ?? false;
  const empty = slot.model === null;
  const summary = settingsSummary(slot);
  const tweaks = tweakSummary(slot.model);
  const dragging = active !== null;
  const invalid = problems.length > 0;
  const problemId = `${slot.slotId}-problem`;

  const setActivator = (node: HTMLButtonElement | null) => {
    setActivatorNodeRef(node);
    setPickerAnchor(node);
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("relative w-[calc(50%-0.375rem)] sm:w-48", isDragging && "z-10 opacity-40")}
    >
      <div
        className={cn(
          "group relative flex min-h-[5.25rem] flex-col overflow-hidden rounded-xl border bg-surface shadow-xs transition-[border-color,box-shadow,background-color]",
          "before:absolute before:inset-y-0 before:left-0 before:w-1",
          !empty && ROLE_STRIPE[role],
          empty ? "border-dashed border-line-strong bg-subtle/60" : "border-line",
          invalid && "border-red-400 dark:border-red-700",
          dragging && empty && "border-accent/70 bg-accent/5",
          isOver && !isDragging && "border-accent bg-accent/10 ring-2 ring-accent/40",
        )}
      >
        <button
          ref={setActivator}
          type="button"
          {...attributes}
          {...listeners}
          aria-label={`Layer ${layer + 1} slot ${index + 1}: ${name}`}
          aria-describedby={cn(attributes["aria-describedby"], invalid && problemId)}
          aria-haspopup="dialog"
          onClick={() => setOpen(open === "picker" ? null : "picker")}
          className={cn(
            "flex flex-1 cursor-grab items-start gap-1.5 py-2 pr-2 pl-3 text-left active:cursor-grabbing",
            "rounded-xl focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent",
          )}
        >
          <GripIcon className="mt-0.5 shrink-0 text-muted/60 group-hover:text-muted" />
          {empty ? (
            <span className="flex-1 text-sm text-muted">Drop a model here</span>
          ) : (
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-semibold">{name.replace(/ \(simulated\)$/, "")}</span>
              <span className="block truncate font-mono text-[10.5px] text-muted">{tweaks ? withoutTweaks(slot.model) : slot.model}</span>
              {tweaks && <span className="block truncate font-mono text-[10.5px] font-medium text-violet-700 dark:text-violet-300">{tweaks}</span>}
            </span>
          )}
        </button>
        {/* Wraps rather than clips: a phone's half-width card is narrower than badge, marker and three buttons. */}
        <div className="flex flex-wrap items-center gap-1 px-2 pb-1.5 pl-3">
          {simulated && !empty && (
            <>
              <SimulatedBadge short className="sm:hidden" />
              <SimulatedBadge className="max-sm:hidden" />
            </>
          )}
          {summary && (
            // An icon, not a truncated "t…": its label and tooltip say what was changed.
            <span
              role="img"
              aria-label={summary}
              title={summary}
              data-testid="custom-settings"
              className="inline-grid h-[18px] w-[18px] shrink-0 place-items-center rounded-full border border-accent/30 bg-accent/10 text-accent"
            >
              <SlidersIcon size={11} />
            </span>
          )}
          <span className="ml-auto flex shrink-0 items-center">
            <IconButton
              label={`Settings for layer ${layer + 1} slot ${index + 1}`}
              onClick={() => setOpen(open === "settings" ? null : "settings")}
              ref={setSettingsAnchor}
              pressed={open === "settings"}
            >
              <SlidersIcon />
            </IconButton>
            {role !== "final" && (
              <IconButton label={`Duplicate ${place}`} onClick={() => duplicateSlot(layer, index)} disabled={empty}>
                <DuplicateIcon />
              </IconButton>
            )}
            <IconButton label={role === "final" ? `Empty ${place}` : `Remove ${place}`} onClick={() => removeSlot(layer, index)}>
              <TrashIcon />
            </IconButton>
          </span>
        </div>
      </div>
      {invalid && (
        <p id={problemId} className="mt-1 px-1 text-[11px] leading-4 text-red-600 dark:text-red-400">
          {problems.join(" · ")}
        </p>
      )}
      {open === "picker" && (
        <ModelPicker
          title={`Choose a model for ${place}`}
          current={slot.model}
          anchor={pickerAnchor}
          onClose={close}
          onPick={(model) => {
            setSlotModel(layer, index, model);
            close();
          }}
        />
      )}
      {open === "settings" && (
        <SlotSettingsPopover
          title={`Settings for ${place}`}
          slot={slot}
          anchor={settingsAnchor}
          onClose={close}
          onChange={(patch) => updateSlotSettings(layer, index, patch)}
          onModelChange={(model) => setSlotModel(layer, index, model)}
        />
      )}
    </li>
  );
}

function IconButton({
  label,
  onClick,
  children,
  disabled,
  pressed,
  ref,
}: {
  label: string;
  onClick: () => void;
  children: React.ReactNode;
  disabled?: boolean;
  pressed?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      aria-expanded={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "grid h-6 w-6 place-items-center rounded-md text-muted transition-colors hover:bg-subtle hover:text-fg",
        "focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40",
        pressed && "bg-subtle text-fg",
      )}
    >
      {children}
    </button>
  );
}
