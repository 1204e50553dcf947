"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { LazySimGuide } from "./lazy-sim-guide";


/** "How the simulation works" in a modal dialog (native <dialog>: focus trap and Escape for free). */
export function SimGuideDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className="m-auto w-[min(64rem,calc(100vw-2rem))] rounded-2xl border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/40 backdrop:backdrop-blur-[2px]"
    >
      {open && (
        <div className="max-h-[88vh] overflow-y-auto p-5">
          <div className="mb-3 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              How the simulation works
            </h2>
            <Button variant="ghost" size="icon" aria-label="Close" onClick={onClose}>
              <CloseIcon />
            </Button>
          </div>
          <LazySimGuide />
        </div>
      )}
    </dialog>
  );
}

/** A button that opens the guide, for the palette, the help popover and the run view. */
export function SimGuideButton({ children = "How the simulation works", ...props }: Omit<ButtonProps, "onClick">) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" aria-haspopup="dialog" {...props} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <SimGuideDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
