"use client";

import { useLayoutEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/ui/markdown";
import { settledLength } from "@/components/ui/streaming-block";
import { runStore, type RunStoreState } from "@/lib/client/run-store";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";

export interface LiveMarkdownProps {
  /** The text to show, read from the run store. Must keep its identity across renders. */
  select: (state: RunStoreState) => string;
  /** The text is still growing. */
  streaming: boolean;
  /** false while the answer is out of view: its finished blocks are drawn but not parsed yet. */
  parse?: boolean;
  className?: string;
}

/**
 * A model's answer as it is written, at the frame budget. React renders only the finished
 * markdown blocks, so it renders once per blank line rather than once per token; the block
 * being written is a plain text node that a store subscription appends each delta to, in the
 * same frame the delta is folded. Once the answer is complete, all of it is markdown.
 */
export function LiveMarkdown({ select, streaming, parse = true, className }: LiveMarkdownProps) {
  // A transition: finished blocks may join a frame or two after their text, which the tail
  // shows meanwhile; React renders them between frames instead of inside the one that folded.
  const settled = useRunStoreTransition((s) => {
    const text = select(s);
    return streaming ? text.slice(0, settledLength(text)) : text;
  });
  const tailRef = useRef<HTMLParagraphElement>(null);

  // A layout effect: the tail must match the blocks React has just committed before the
  // browser paints, or a finished block would show twice (or not at all) for a frame.
  useLayoutEffect(() => {
    const element = tailRef.current;
    if (!streaming || !element) return;
    const node = document.createTextNode("");
    element.replaceChildren(node);
    const sync = () => {
      const tail = select(runStore.getState()).slice(settled.length);
      if (tail === node.data) return;
      if (tail.startsWith(node.data)) node.appendData(tail.slice(node.data.length));
      else node.data = tail;
    };
    sync();
    return runStore.subscribe(sync);
  }, [select, settled, streaming]);

  return (
    <>
      {settled && <MarkdownText text={settled} parse={parse || !streaming} className={className} />}
      {streaming && <p ref={tailRef} data-testid="live-tail" className={cn("prose-moa moa-caret whitespace-pre-wrap not-first:mt-[0.65em]", className)} />}
    </>
  );
}
