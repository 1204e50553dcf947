"use client";

import { Fragment, useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useBoardStore } from "@/lib/client/board-store";
import { useMethodStore } from "@/lib/client/method-store";
import { isUsable, useModelsStore } from "@/lib/client/models";
import { useSettingsStore } from "@/lib/client/settings-store";
import { buildPreset, PRESETS, type PresetId, type Substitution } from "@/lib/presets";
import { ChevronIcon } from "@/components/ui/board-icons";
import { Popover } from "@/components/ui/popover";

/** Applies a paper configuration, mapped onto what this server can reach, and says what stood in for what. */
export function PresetsMenu({ onApplied }: { onApplied: (name: string, substitutions: Substitution[]) => void }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const applyPreset = useBoardStore((s) => s.applyPreset);
  const reset = useBoardStore((s) => s.reset);
  const close = useCallback(() => setOpen(false), []);

  const apply = (id: PresetId, name: string) => {
    const keys = useSettingsStore.getState().keys;
    const models = useModelsStore.getState().models.map((m) => ({ ...m, available: isUsable(m, keys) }));
    const { config, substitutions } = buildPreset(id, models);
    applyPreset(config, name);
    // A method preset also picks its method next to Run; a paper preset runs as plain MoA.
    useMethodStore.getState().setMethod(config.method?.kind ?? "moa");
    onApplied(name, substitutions);
    close();
  };

  return (
    <div className="relative">
      <Button ref={anchor} size="sm" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Presets <ChevronIcon />
      </Button>
      {open && (
        <Popover label="Presets" onClose={close} returnFocusTo={anchor.current} className="right-0 left-auto w-80 p-1.5">
          <ul className="max-h-[70vh] space-y-0.5 overflow-y-auto">
            {PRESETS.map((preset, i) => (
              <Fragment key={preset.id}>
                {preset.method && !PRESETS[i - 1]?.method && (
                  <li className="mt-1 border-t border-line px-2.5 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">Methods</li>
                )}
                <li>
                  <button
                    type="button"
                    onClick={() => apply(preset.id, preset.name)}
                    className="w-full rounded-lg px-2.5 py-2 text-left hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none"
                  >
                    <span className="block text-sm font-medium">{preset.name}</span>
                    <span className="block text-xs text-muted">{preset.description}</span>
                    {preset.paperResult && <span className="block text-[11px] text-accent">Paper: {preset.paperResult}</span>}
                  </button>
                </li>
              </Fragment>
            ))}
            <li className="mt-1 border-t border-line pt-1">
              <button
                type="button"
                onClick={() => {
                  reset();
                  onApplied("Default board", []);
                  close();
                }}
                className="w-full rounded-lg px-2.5 py-2 text-left hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none"
              >
                <span className="block text-sm font-medium">Reset to the default board</span>
                <span className="block text-xs text-muted">3 simulated proposers, 3 aggregators, Owl as final</span>
              </button>
            </li>
          </ul>
        </Popover>
      )}
    </div>
  );
}
