"use client";

import { useEffect, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { runStore } from "@/lib/client/run-store";
import { useTeachStore } from "./teach-store";

/** `?present=1` (or `true`/`on`) in the address opens straight into presenter mode. */
export function presentParam(search: string): boolean {
  const value = new URLSearchParams(search).get("present");
  return value !== null && /^(1|true|on|yes|)$/i.test(value);
}

/** Reads `?present=1` once on mount; the share page can call it too. */
export function usePresenterFromUrl(): void {
  const setPresenter = useTeachStore((s) => s.setPresenter);
  useEffect(() => {
    if (presentParam(window.location.search)) setPresenter(true);
  }, [setPresenter]);
}

export function usePresenter(): boolean {
  return useTeachStore((s) => s.presenter);
}

/** Keeps the address in step with the toggle, so the link in the bar opens the same view. */
function syncUrl(on: boolean) {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set("present", "1");
  else url.searchParams.delete("present");
  window.history.replaceState(window.history.state, "", url);
}

export function PresenterToggle({ className }: { className?: string }) {
  const presenter = useTeachStore((s) => s.presenter);
  const setPresenter = useTeachStore((s) => s.setPresenter);
  return (
    <Button
      size="sm"
      variant={presenter ? "primary" : "ghost"}
      aria-pressed={presenter}
      className={className}
      onClick={() => {
        setPresenter(!presenter);
        syncUrl(!presenter);
      }}
    >
      Presenter mode
    </Button>
  );
}

/** Projector type: every rem-sized thing grows; px-sized details stay as they are. */
const PRESENTER_CSS = `html[data-presenter] { font-size: 125%; }
html[data-presenter] [data-presenter-sticky] { position: sticky; top: 3.5rem; z-index: 25; }
html[data-presenter] [data-presenter-hide] { display: none !important; }
html[data-presenter] [id^="layer-heading-"] { scroll-margin-top: calc(3.5rem + var(--moa-graph-height, 232px) + 5rem); }`;

/** Follows the run: when a layer starts, its columns are brought into view. */
function useFollowCurrentLayer(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let shown = -1;
    return runStore.subscribe((state) => {
      const current = state.run.layers.findLastIndex((l) => l.startedAt !== undefined);
      if (current === shown || current < 0) return;
      shown = current;
      const heading = document.getElementById(`layer-heading-${current}`);
      const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
      heading?.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
    });
  }, [enabled]);
}

/**
 * Presenter mode for any page that shows a run: larger type, the layer graph pinned, the
 * current layer's columns followed. Pages hide their own configuration chrome with `usePresenter`.
 */
export function PresenterShell({ children, className }: { children: ReactNode; className?: string }) {
  usePresenterFromUrl();
  const presenter = usePresenter();
  useFollowCurrentLayer(presenter);
  useEffect(() => {
    const root = document.documentElement;
    if (presenter) root.setAttribute("data-presenter", "");
    else root.removeAttribute("data-presenter");
    return () => root.removeAttribute("data-presenter");
  }, [presenter]);
  return (
    <div className={cn(className)} data-presenting={presenter || undefined}>
      <style>{PRESENTER_CSS}</style>
      {children}
    </div>
  );
}
