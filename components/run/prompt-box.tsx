"use client";

import { useEffect, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { PlayIcon, StopIcon } from "@/components/ui/icons";

export interface PromptBoxProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  onStop(): void;
  running: boolean;
  /** Why Run is unavailable (invalid board, empty prompt), shown under the box. */
  blockedReason?: string | null;
  placeholder?: string;
  followUp?: boolean;
  /** Controls beside Stop and Run (the method picker). */
  extra?: ReactNode;
}

export const PROMPT_INPUT_ID = "moa-prompt";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function PromptBox({ value, onChange, onRun, onStop, running, blockedReason, placeholder, followUp, extra }: PromptBoxProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const canRun = !running && !blockedReason && value.trim() !== "";

  // Grow with the text up to a limit, so long prompts stay readable without a second scroller.
  useEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 280)}px`;
  }, [value]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (canRun) onRun();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="rounded-2xl border border-line bg-surface shadow-sm transition-shadow focus-within:border-accent/60 focus-within:shadow-md">
      <label htmlFor={PROMPT_INPUT_ID} className="sr-only">
        {followUp ? "Follow-up message" : "Prompt"}
      </label>
      <textarea
        id={PROMPT_INPUT_ID}
        ref={textarea}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
        placeholder={placeholder ?? "Ask something. Every proposer answers, the aggregators synthesize."}
        className="block max-h-72 min-h-16 w-full resize-none rounded-t-2xl bg-transparent px-4 pt-3.5 pb-2 text-[15px] leading-relaxed outline-none placeholder:text-muted/80"
      />
      <div className="flex flex-wrap items-center gap-2 px-3 pb-3">
        {/* On a phone the reason wraps above the buttons rather than being cut off. */}
        <p className="max-sm:basis-full min-w-0 text-xs text-muted sm:truncate" aria-live="polite">
          {blockedReason ? (
            <span className="text-amber-700 dark:text-amber-400">{blockedReason}</span>
          ) : (
            <>
              <kbd className="rounded border border-line bg-subtle px-1 font-sans">{isMac() ? "⌘" : "Ctrl"}</kbd>+
              <kbd className="rounded border border-line bg-subtle px-1 font-sans">Enter</kbd> to run
            </>
          )}
        </p>
        {/* max-w-full + min-w-0: on a phone the method picker shrinks instead of pushing Run off the screen. */}
        <div className="ml-auto flex max-w-full min-w-0 gap-2">
          {extra}
          <Button variant="danger" onClick={onStop} disabled={!running} aria-keyshortcuts="Escape">
            <StopIcon size={12} />
            Stop
          </Button>
          <Button type="submit" variant="primary" disabled={!canRun} aria-keyshortcuts="Control+Enter Meta+Enter">
            {/* No spinner while running: Stop is the live control, and a spinner restyles every frame. */}
            <PlayIcon size={12} />
            Run
          </Button>
        </div>
      </div>
    </form>
  );
}
