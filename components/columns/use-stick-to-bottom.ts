"use client";

import { useEffect, useRef } from "react";

/**
 * Keeps a scroller pinned to its end while its content grows, until the user scrolls up;
 * scrolling back to the end pins it again.
 *
 * Everything happens in a ResizeObserver callback on the content, which the browser runs
 * right after its own layout, so reading `scrollHeight` there costs nothing. Reading it right
 * after React commits (a layout effect) or in a scroll handler forced a synchronous layout of
 * the page in every column on every frame: most of a live run's main-thread time.
 */
export function useStickToBottom<Scroller extends HTMLElement, Content extends HTMLElement>() {
  const scrollerRef = useRef<Scroller>(null);
  const contentRef = useRef<Content>(null);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    let heightBefore = 0;
    const observer = new ResizeObserver(() => {
      // Was the end in view before this growth? Then the user has not scrolled away from it.
      const pinned = scroller.scrollTop + scroller.clientHeight >= heightBefore - 24;
      if (pinned) scroller.scrollTop = scroller.scrollHeight;
      heightBefore = scroller.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return { scrollerRef, contentRef };
}
