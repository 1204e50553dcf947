"use client";

import { useLayoutEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/ui/markdown";
import { settledLength } from "@/components/ui/streaming-block";
import { runStore, type RunStoreState } from "@/lib/client/run-store";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";

/**
 * The tail's text nodes hold at most this many characters each. Chromium lays a paragraph out
 * again from the line where its first changed text node starts: a long paragraph written into
 * one node was broken into lines from its first word on every frame, in every column; written
 * in chunks, only its last few lines are.
 */
const CHUNK_CHARS = 200;

/** Shows `tail` in `element`, appending what is new to its last text node, a new one once that is full. */
function tailWriter(element: HTMLElement): (tail: string) => void {
  let shown = "";
  return (tail) => {
    if (tail === shown) return;
    if (!tail.startsWith(shown)) {
      element.replaceChildren();
      shown = "";
    }
    let rest = tail.slice(shown.length);
    let last = element.lastChild instanceof Text ? element.lastChild : null;
    while (rest) {
      if (!last || last.length >= CHUNK_CHARS) element.append((last = document.createTextNode("")));
      const piece = rest.slice(0, CHUNK_CHARS - last.length);
      last.appendData(piece);
      rest = rest.slice(piece.length);
    }
    shown = tail;
  };
}

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
    element.replaceChildren();
    const write = tailWriter(element);
    const sync = () => write(select(runStore.getState()).slice(settled.length));
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
