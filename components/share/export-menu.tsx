"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

const ITEMS = [
  { format: "json", label: "Export JSON" },
  { format: "md", label: "Export Markdown" },
] as const;

/**
 * Downloads of a run: the full JSON record (re-importable) and a Markdown report. A menu button:
 * it closes on a pick, a click outside, Escape or Tab; arrows move between the items.
 */
export function ExportMenu({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLAnchorElement | null)[]>([]);
  const base = `/api/runs/${encodeURIComponent(runId)}/export`;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer, true);
    return () => document.removeEventListener("pointerdown", onPointer, true);
  }, [open]);

  const focusItem = (index: number) => items.current[(index + ITEMS.length) % ITEMS.length]?.focus();
  const openAt = (index: number) => {
    setOpen(true);
    requestAnimationFrame(() => focusItem(index));
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (event: React.KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openAt(event.key === "ArrowDown" ? 0 : ITEMS.length - 1);
    }
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLAnchorElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: ITEMS.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]);
    } else if (event.key === "Escape") {
      // Not the page's Escape (stop the run): this one only closes the menu.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === "Tab") {
      setOpen(false);
    } else if (event.key === " ") {
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.click();
    }
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `export-menu-${runId}` : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
        className={cn(
          "inline-flex h-7 items-center rounded-md border border-line bg-surface px-2.5 text-xs font-medium shadow-xs hover:bg-subtle",
          "focus-visible:outline-2 focus-visible:outline-accent",
          open && "bg-subtle",
        )}
      >
        Export
      </button>
      {open && (
        <div
          id={`export-menu-${runId}`}
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKey}
          className="absolute right-0 z-50 mt-1 flex flex-col rounded-lg border border-line bg-surface p-1 shadow-lg"
        >
          {ITEMS.map(({ format, label }, i) => (
            <a
              key={format}
              ref={(node) => {
                items.current[i] = node;
              }}
              role="menuitem"
              tabIndex={-1}
              href={`${base}?format=${format}`}
              download
              // The download goes on; the menu has done its job.
              onClick={() => close(true)}
              className="block rounded px-2.5 py-1.5 text-xs whitespace-nowrap hover:bg-subtle focus:bg-subtle focus-visible:outline-2 focus-visible:outline-accent"
            >
              {label}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
