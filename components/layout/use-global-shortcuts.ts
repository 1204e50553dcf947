"use client";

import { useEffect, useRef } from "react";
import { toggleTheme } from "@/lib/client/theme";
import { isTyping } from "./shortcuts";

export interface ShortcutHandlers {
  onStop(): void;
  onFocusPrompt(): void;
  onToggleHelp(): void;
}

/** Page-wide keys (Ctrl/⌘+Enter lives on the prompt box itself). */
export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "Escape") {
        ref.current.onStop();
        return;
      }
      if (isTyping(e.target)) return;
      if (e.key === "/") {
        e.preventDefault();
        ref.current.onFocusPrompt();
      } else if (e.key === "?") {
        e.preventDefault();
        ref.current.onToggleHelp();
      } else if (e.key === "D" && e.shiftKey) {
        e.preventDefault();
        toggleTheme();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
