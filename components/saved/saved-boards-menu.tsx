"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ChevronIcon } from "@/components/ui/board-icons";
import { Popover } from "@/components/ui/popover";
import { Button } from "@/components/ui/button";
import { useBoardStore } from "@/lib/client/board-store";
import { isUsable, useModelsStore } from "@/lib/client/models";
import { useSettingsStore } from "@/lib/client/settings-store";
import { buildPreset, PRESETS, type PresetId, type Substitution } from "@/lib/presets";
import type { ConfigEntry } from "@/lib/wire/configs";
import { SaveBoardForm } from "./save-board-form";
import { SavedBoardItem } from "./saved-board-item";
import { useSavedConfigs } from "./use-saved-configs";

const isPresetId = (slug: string): slug is PresetId => PRESETS.some((p) => p.id === slug);

/** Built-in presets and this browser's saved boards: save, load, rename, delete. Never keys. */
export function SavedBoardsMenu({ onApplied }: { onApplied?: (name: string, substitutions: Substitution[]) => void }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const { list, message, setMessage, reload, save, rename, remove } = useSavedConfigs();

  useEffect(() => {
    if (open) void reload();
    else setMessage(null);
  }, [open, reload, setMessage]);

  const load = (entry: ConfigEntry) => {
    let { config, substitutions = [] } = entry;
    // The server maps presets onto its own keys; this browser may hold more, so map here as the Presets menu does.
    if (entry.builtIn && isPresetId(entry.slug)) {
      const keys = useSettingsStore.getState().keys;
      const models = useModelsStore.getState().models.map((m) => ({ ...m, available: isUsable(m, keys) }));
      if (models.length > 0) ({ config, substitutions } = buildPreset(entry.slug, models));
    }
    useBoardStore.getState().applyPreset(config, entry.name);
    onApplied?.(entry.name, substitutions);
    close();
  };

  const saveCurrent = (name: string) => {
    const { getConfig, presetName } = useBoardStore.getState();
    return save(name, getConfig(), presetName);
  };

  const builtIns = list.status === "ready" ? list.configs.filter((c) => c.builtIn) : [];
  const mine = list.status === "ready" ? list.configs.filter((c) => !c.builtIn) : [];

  return (
    <div className="relative">
      <Button ref={anchor} size="sm" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        Saved boards <ChevronIcon />
      </Button>
      {open && (
        <Popover label="Saved boards" onClose={close} returnFocusTo={anchor.current} className="right-0 left-auto w-96 p-0">
          <SaveBoardForm onSave={saveCurrent} />
          <p role="status" className={message?.error ? "px-3 pt-2 text-xs text-red-700 dark:text-red-300" : "px-3 pt-2 text-xs text-muted empty:hidden"}>
            {message?.text ?? ""}
          </p>
          <div className="max-h-[min(28rem,60vh)] overflow-y-auto p-1.5">
            {list.status === "loading" && (
              <p aria-busy="true" className="px-2.5 py-3 text-xs text-muted">
                Loading saved boards…
              </p>
            )}
            {list.status === "error" && (
              <div role="alert" className="flex items-center gap-2 px-2.5 py-3 text-xs text-red-700 dark:text-red-300">
                <span className="flex-1">{list.message}</span>
                <Button size="sm" onClick={() => void reload()}>
                  Retry
                </Button>
              </div>
            )}
            {list.status === "ready" && (
              <>
                <Section title="Your boards">
                  {mine.length === 0 ? (
                    <p className="px-2.5 py-2 text-xs text-muted">Nothing saved from this browser yet. Name the current board above to keep it.</p>
                  ) : (
                    <ul aria-label="Your boards" className="space-y-0.5">
                      {mine.map((entry) => (
                        <SavedBoardItem key={entry.slug} entry={entry} onLoad={load} onRename={rename} onDelete={remove} />
                      ))}
                    </ul>
                  )}
                </Section>
                <Section title="Built-in presets">
                  <ul aria-label="Built-in presets" className="space-y-0.5">
                    {builtIns.map((entry) => (
                      <SavedBoardItem key={entry.slug} entry={entry} onLoad={load} />
                    ))}
                  </ul>
                </Section>
              </>
            )}
          </div>
          <p className="border-t border-line px-3 py-2 text-[11px] text-muted">
            Use a slug as the model in the OpenAI-compatible API (<code className="font-mono">/api/v1</code>). Provider keys are never saved.
          </p>
        </Popover>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-1.5 last:mb-0">
      <h3 className="px-2.5 pt-1 pb-0.5 text-[11px] font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}
