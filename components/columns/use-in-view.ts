"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether the element is on screen, or nearly (a screen's height around it counts). A column
 * out of view still receives its text, but leaves the costly work of drawing it for later.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry.isIntersecting), { rootMargin: "100% 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
