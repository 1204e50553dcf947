"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { LazySimGuide } from "./lazy-sim-guide";

/** "How the simulation works" in a modal dialog. */
export function SimGuideDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <ModalDialog open={open} onClose={onClose} className="w-[min(64rem,calc(100vw-2rem))]">
      {(titleId) => (
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
    </ModalDialog>
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
