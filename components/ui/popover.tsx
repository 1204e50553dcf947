"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A small non-modal panel under its anchor: closes on Escape or a click outside and returns
 * focus to the control that opened it, so keyboard users are not left stranded.
 */
export function Popover({
  label,
  onClose,
  children,
  className,
  returnFocusTo,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  returnFocusTo?: HTMLElement | null;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const panel = ref.current;
    // Keep the panel on screen: slots near the right edge would push it past the viewport.
    if (panel) {
      const overflow = panel.getBoundingClientRect().right - (window.innerWidth - 8);
      if (overflow > 0) panel.style.transform = `translateX(-${Math.ceil(overflow)}px)`;
    }
    const first = panel?.querySelector<HTMLElement>("[data-autofocus], input, textarea, select, button");
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose();
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panel && !panel.contains(target) && !returnFocusTo?.contains(target)) onClose();
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer, true);
      returnFocusTo?.focus();
    };
  }, [onClose, returnFocusTo]);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      className={cn(
        "absolute top-full left-0 z-40 mt-2 w-72 max-w-[calc(100vw-1rem)] rounded-xl border border-line bg-surface p-3 text-sm text-fg shadow-xl",
        "shadow-black/10 dark:shadow-black/50",
        className,
      )}
    >
      {children}
    </div>
  );
}
