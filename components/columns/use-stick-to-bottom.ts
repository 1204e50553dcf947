"use client";

import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Keeps a scroller pinned to its end while content grows, until the user scrolls up;
 * scrolling back to the end pins it again.
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [content]);

  return { ref, onScroll };
}
