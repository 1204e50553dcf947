"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { continueRun, RunClientError } from "@/lib/client/run-client";
import { runStore, useRunStore } from "@/lib/client/run-store";
import type { MoAConfig } from "@/lib/moa/config";
import { layerCaption } from "@/lib/teach/captions";
import { useTeachStore } from "./teach-store";

/** Marks the "Step through layers" toggle: a presenter's keys advance from it. */
export const STEP_TOGGLE_ATTR = "data-step-toggle";

/** Keys a presenter clicker sends, plus the obvious ones; never while someone types. */
export function isAdvanceKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  if (!(event.key === " " || event.key === "ArrowRight" || event.key === "PageDown")) return false;
  const target = event.target as HTMLElement | null;
  if (!target || target === document.body) return true;
  // Ticking the toggle leaves focus on it, and the next press comes from a clicker: it must
  // advance, and Space must not untick stepping (which let the replay run on). The toggle
  // can still be unticked by click, or by Space while no layer is held.
  if (target.hasAttribute(STEP_TOGGLE_ATTR)) return true;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return false;
  // Space on a focused button presses that button; let it.
  return !(event.key === " " && /^(BUTTON|A|SUMMARY)$/.test(target.tagName));
}

export interface StepControlsProps {
  config: MoAConfig;
  /** The 0-based layer waiting to start. */
  pausedBefore: number;
  /** Answers the previous layer produced (for the caption). */
  answers?: number;
  onNext(): void | Promise<void>;
  busy?: boolean;
  error?: string | null;
  className?: string;
}

/** The pause between two layers: what comes next, and the button (or key) that starts it. */
export function StepControls({ config, pausedBefore, answers, onNext, busy, error, className }: StepControlsProps) {
  const next = useRef(onNext);
  next.current = onNext;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isAdvanceKey(event) || event.repeat) return;
      event.preventDefault();
      void next.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const caption = layerCaption(config, pausedBefore, answers);
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn("flex flex-wrap items-center gap-3 rounded-xl border border-accent/50 bg-surface px-4 py-3", className)}
    >
      <p className="min-w-0 flex-1 text-base">
        <span className="mr-2 text-xs font-semibold tracking-wide text-accent uppercase">Next: layer {pausedBefore + 1}</span>
        <span data-testid="step-caption">{caption}</span>
      </p>
      <Button variant="primary" onClick={() => void onNext()} disabled={busy} aria-keyshortcuts="Space ArrowRight PageDown">
        Next layer
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** Step controls for the live run in the run store: Next layer asks the server to continue. */
export function LiveStepControls({ className }: { className?: string }) {
  const runId = useRunStore((s) => s.run.runId);
  const config = useRunStore((s) => s.run.config);
  const pausedBefore = useRunStore((s) => (s.run.status === "running" ? s.run.pausedBefore : undefined));
  const answers = useRunStore((s) =>
    s.run.pausedBefore === undefined ? undefined : s.run.agents[s.run.pausedBefore - 1]?.filter((a) => a.status === "done").length,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!config || pausedBefore === undefined) return null;
  const onNext = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await continueRun(runId, runStore.getState().owner ?? undefined);
    } catch (e) {
      setError(e instanceof RunClientError ? e.message : "Could not reach the server.");
    } finally {
      setBusy(false);
    }
  };
  return <StepControls config={config} pausedBefore={pausedBefore} answers={answers} onNext={onNext} busy={busy} error={error} className={className} />;
}

/** Whether the next run pauses between layers. */
export function StepThroughToggle({ disabled }: { disabled?: boolean }) {
  const on = useTeachStore((s) => s.stepThrough);
  const set = useTeachStore((s) => s.setStepThrough);
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-muted select-none">
      <input
        type="checkbox"
        checked={on}
        disabled={disabled}
        onChange={(e) => set(e.target.checked)}
        {...{ [STEP_TOGGLE_ATTR]: "" }}
        className="h-4 w-4 accent-[var(--color-accent,currentColor)]"
      />
      Step through layers
    </label>
  );
}
