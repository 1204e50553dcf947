"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Popover } from "@/components/ui/popover";
import { Button } from "@/components/ui/button";
import { useBoardStore } from "@/lib/client/board-store";
import { isUsable, useModelsStore } from "@/lib/client/models";
import { useSettingsStore } from "@/lib/client/settings-store";
import type { MoAConfig } from "@/lib/moa/config";
import { buildDemo, DEMOS, type DemoId } from "@/lib/teach/demos";
import { useTeachStore } from "./teach-store";

/** One click: the demo's configuration goes on the board and runs with its prompt. */
export function DemosMenu({ onRun, disabled }: { onRun: (config: MoAConfig, prompt: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // Other pages' headers link here with `?demos=1`: arrive with the menu open, once.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("demos")) return;
    url.searchParams.delete("demos");
    window.history.replaceState(window.history.state, "", url);
    setOpen(true);
  }, []);

  const start = (id: DemoId) => {
    const keys = useSettingsStore.getState().keys;
    const models = useModelsStore.getState().models.map((m) => ({ ...m, available: isUsable(m, keys) }));
    const demo = buildDemo(id, models);
    useBoardStore.getState().applyPreset(demo.config, `Demo: ${demo.title}`);
    useTeachStore.getState().setDemo(demo);
    close();
    onRun(demo.config, demo.prompt);
  };

  return (
    <div className="relative">
      <Button ref={anchor} size="sm" variant="ghost" aria-haspopup="dialog" aria-expanded={open} disabled={disabled} onClick={() => setOpen((v) => !v)}>
        Classroom demos
      </Button>
      {open && (
        <Popover label="Classroom demos" onClose={close} returnFocusTo={anchor.current} className="right-0 left-auto w-80 p-1.5">
          <ul className="space-y-0.5">
            {DEMOS.map((demo) => (
              <li key={demo.id}>
                <button
                  type="button"
                  onClick={() => start(demo.id)}
                  className="w-full rounded-lg px-2.5 py-2 text-left hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none"
                >
                  <span className="block text-sm font-medium">{demo.title}</span>
                  <span className="block text-xs text-muted">{demo.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </div>
  );
}
