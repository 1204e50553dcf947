"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { KeyboardIcon } from "@/components/ui/icons";
import { SimGuideButton } from "@/components/sim/sim-guide-dialog";
import { SHORTCUTS } from "./shortcuts";

export interface HelpPopoverProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** The shortcuts list, anchored under its button; Escape or a click outside closes it. */
export function HelpPopover({ open, onOpenChange }: HelpPopoverProps) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) onOpenChange(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        onOpenChange(false);
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [open, onOpenChange]);

  return (
    <div ref={root} className="relative">
      <Button
        size="icon"
        variant="ghost"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        aria-controls={id}
        title="Keyboard shortcuts (?)"
        onClick={() => onOpenChange(!open)}
      >
        <KeyboardIcon />
      </Button>
      {open && (
        <div
          id={id}
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="absolute right-0 z-50 mt-2 w-72 rounded-xl border border-line bg-surface p-3 shadow-lg"
        >
          <p className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">Keyboard shortcuts</p>
          <dl className="flex flex-col gap-1.5 text-sm">
            {SHORTCUTS.map((s) => (
              <div key={s.action} className="flex items-center justify-between gap-3">
                <dt className="text-fg/90">{s.action}</dt>
                <dd className="flex gap-1">
                  {s.keys.map((k) => (
                    <kbd key={k} className="rounded border border-line bg-subtle px-1.5 py-px font-sans text-[11px] text-muted">
                      {k}
                    </kbd>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 border-t border-line pt-2">
            <SimGuideButton className="-ml-2 text-accent">How the simulation works</SimGuideButton>
          </div>
        </div>
      )}
    </div>
  );
}
