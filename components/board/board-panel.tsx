"use client";

import { useCallback, useState } from "react";
import { DndContext, DragOverlay } from "@dnd-kit/core";
import { SimulatedBadge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { SavedBoardsMenu } from "@/components/saved/saved-boards-menu";
import { SettingsButton } from "@/components/settings/settings-button";
import { useBoardHydrated, useBoardStore } from "@/lib/client/board-store";
import { displayName } from "@/lib/client/model-view";
import { useModels } from "@/lib/client/models";
import { useSettingsHydrated } from "@/lib/client/settings-store";
import { LIMITS } from "@/lib/moa/limits";
import type { Substitution } from "@/lib/presets";
import { ChevronIcon } from "@/components/ui/board-icons";
import { BoardStatus } from "./board-status";
import { ModelPalette } from "./model-palette";
import { ViewCodeButton } from "@/components/code/view-code-button";
import { PresetsMenu } from "./presets-menu";
import { SlotBoard } from "./slot-board";
import { SubstitutionNote } from "./substitution-note";
import { useBoardDnd } from "./use-board-dnd";
import { PaletteCarryContext, usePaletteCarry } from "./use-palette-carry";

/** The whole configure side: model palette, slot board, presets and provider keys. */
export function BoardPanel() {
  const hydrated = useBoardHydrated();
  useSettingsHydrated();
  const { models } = useModels();
  const { activeModel, contextProps } = useBoardDnd();
  const presetName = useBoardStore((s) => s.presetName);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [notice, setNotice] = useState("");
  const [applied, setApplied] = useState<{ name: string; substitutions: Substitution[] } | null>(null);
  const carry = usePaletteCarry(setNotice);

  // Without dragging: fill the first empty slot, else append to the proposers.
  const pick = useCallback(
    (model: string) => {
      const store = useBoardStore.getState();
      const name = displayName(model, models);
      for (let l = 0; l < store.layers.length; l++) {
        const s = store.layers[l].slots.findIndex((slot) => slot.model === null);
        if (s >= 0) {
          store.setSlotModel(l, s, model);
          setNotice(`Added ${name} to layer ${l + 1} slot ${s + 1}.`);
          return;
        }
      }
      const first = store.layers[0];
      if (store.layers.length > 1 && first.slots.length < LIMITS.maxAgentsPerLayer) {
        store.addSlot(0, model);
        setNotice(`Added ${name} to layer 1 slot ${first.slots.length + 1}.`);
      } else {
        setNotice(`No free slot for ${name}: remove one or add a layer.`);
      }
    },
    [models],
  );

  return (
    <DndContext {...contextProps}>
      <div className="grid gap-4 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <aside aria-label="Models" className="rounded-2xl border border-line bg-surface p-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start">
          <button
            type="button"
            aria-expanded={paletteOpen}
            aria-controls="model-palette"
            onClick={() => setPaletteOpen((v) => !v)}
            className="flex w-full items-center justify-between text-sm font-semibold lg:pointer-events-none"
          >
            <span>Models</span>
            <ChevronIcon className={cn("transition-transform lg:hidden", paletteOpen && "rotate-180")} />
          </button>
          <p className="mt-0.5 mb-3 hidden text-xs text-muted lg:block">Drag onto a slot, or click to add.</p>
          <div id="model-palette" className={cn("mt-3 lg:mt-0 lg:flex lg:max-h-[calc(100vh-7rem)] lg:flex-col", !paletteOpen && "hidden")}>
            <PaletteCarryContext.Provider value={carry}>
              <ModelPalette onPick={pick} />
            </PaletteCarryContext.Provider>
          </div>
        </aside>

        <section aria-label="Layer board" className="min-w-0 self-start rounded-2xl border border-line bg-surface p-3 sm:p-4">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <h2 className="text-sm font-semibold">Board</h2>
            {presetName && <span className="text-xs text-muted">· {presetName}</span>}
            <span className="ml-auto flex flex-wrap items-center justify-end gap-2">
              <PresetsMenu onApplied={(name, substitutions) => setApplied({ name, substitutions })} />
              <SavedBoardsMenu onApplied={(name, substitutions) => setApplied({ name, substitutions })} />
              <ViewCodeButton />
              <SettingsButton />
            </span>
          </div>
          {applied && <SubstitutionNote {...applied} onDismiss={() => setApplied(null)} />}
          {hydrated ? <SlotBoard /> : <BoardSkeleton />}
          {hydrated && <BoardStatus />}
        </section>
      </div>
      <p className="sr-only" aria-live="polite">
        {notice}
      </p>
      <DragOverlay dropAnimation={{ duration: 160, easing: "cubic-bezier(0.2, 0, 0, 1)" }}>
        {activeModel !== null ? <DragCard name={displayName(activeModel || null, models)} /> : null}
      </DragOverlay>
    </DndContext>
  );
}

function DragCard({ name }: { name: string }) {
  const simulated = name.endsWith("(simulated)");
  return (
    <div className="flex w-48 cursor-grabbing items-center gap-2 rounded-xl border border-accent bg-surface px-3 py-2.5 shadow-2xl ring-4 ring-accent/20">
      <span className="truncate text-sm font-semibold">{name.replace(/ \(simulated\)$/, "")}</span>
      {simulated && <SimulatedBadge />}
    </div>
  );
}

function BoardSkeleton() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="Loading the board">
      {[3, 3, 1].map((n, i) => (
        <div key={i} className="rounded-2xl border border-line p-4">
          <div className="mb-3 h-4 w-40 animate-pulse rounded bg-subtle" />
          <div className="flex gap-3">
            {Array.from({ length: n }, (_, j) => (
              <div key={j} className="h-[5.25rem] w-48 animate-pulse rounded-xl bg-subtle" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
