"use client";

import type { Components } from "hast-util-to-jsx-runtime";
import { memo, useDeferredValue, useEffect, useMemo, useSyncExternalStore, type ComponentProps } from "react";
import type { PluggableList } from "unified";
import { parsedTree, parsesOffThread, requestTree, subscribeToTrees } from "@/lib/client/markdown-trees";
import { parseMarkdown } from "@/lib/markdown/parse";
import { safeUrl } from "@/lib/markdown/safe-url";
import { cn } from "./cn";
import { renderMarkdownTree } from "./markdown-render";
import { FENCE_LINE, StreamingBlock } from "./streaming-block";

/**
 * Model output is untrusted. No rehype-raw: raw HTML in a model's answer is shown as text,
 * never parsed. URLs go through safeUrl (lib/markdown/safe-url.ts).
 */

function Link({ href, children, node: _node, ...rest }: ComponentProps<"a"> & { node?: unknown }) {
  if (!href) return <span>{children}</span>;
  return (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

function Image({ src, alt }: ComponentProps<"img"> & { node?: unknown }) {
  // Images would make the viewer's browser fetch URLs a model chose; show the link instead.
  if (typeof src !== "string" || !src) return <span>{alt}</span>;
  return (
    <a href={src} target="_blank" rel="noopener noreferrer nofollow">
      {alt || "image"}
    </a>
  );
}

const components: Partial<Components> = { a: Link, img: Image };

/**
 * The code highlighter is its own chunk, fetched the first time an answer holds a code
 * fence; blocks rendered before it arrives render again, highlighted, once it has.
 */
let highlightPlugins: PluggableList | undefined;
let highlighterLoad: Promise<void> | undefined;
const highlighterListeners = new Set<() => void>();

export function loadCodeHighlighter(): Promise<void> {
  highlighterLoad ??= import("./code-highlighter").then(
    ({ rehypeCodeHighlight }) => {
      highlightPlugins = [rehypeCodeHighlight];
      highlighterListeners.forEach((notify) => notify());
    },
    () => {
      // Offline or a stale deployment: code stays readable, just not coloured.
    },
  );
  return highlighterLoad;
}

function subscribeToHighlighter(notify: () => void): () => void {
  highlighterListeners.add(notify);
  return () => highlighterListeners.delete(notify);
}

function useHighlightPlugins(needed: boolean): PluggableList | undefined {
  const plugins = useSyncExternalStore(subscribeToHighlighter, () => highlightPlugins, () => highlightPlugins);
  useEffect(() => {
    if (needed && !plugins) void loadCodeHighlighter();
  }, [needed, plugins]);
  return needed ? plugins : undefined;
}

const IN_BROWSER = typeof window !== "undefined";

/** Some line of the text opens a code fence. */
const HAS_FENCE = new RegExp(FENCE_LINE.source, "m");

export interface MarkdownTextProps {
  text: string;
  className?: string;
  /**
   * The text is still growing. Its last block is then drawn by the light StreamingBlock and
   * parsed as markdown once the next block starts or the stream ends: parsing that block again
   * on every frame, in every streaming column, is what made live runs stutter.
   */
  streaming?: boolean;
  /**
   * false: every block is drawn by the light StreamingBlock, none is parsed yet. A live column
   * out of view uses it: its answer is parsed when it comes into view or is complete.
   */
  parse?: boolean;
}

/**
 * Renders untrusted markdown. Finished blocks (split at blank lines outside code fences) are
 * memoized, so a column that grows by one word per frame never parses its earlier blocks again.
 * A block that has just finished stays a StreamingBlock until a background render
 * (useDeferredValue) parses it: React spreads those parses over idle time instead of doing
 * one per streaming column in the same frame.
 */
export const MarkdownText = memo(function MarkdownText({ text, className, streaming = false, parse = true }: MarkdownTextProps) {
  const blocks = splitMarkdownBlocks(text);
  const finished = parse ? (streaming ? blocks.length - 1 : blocks.length) : 0;
  // In the browser it starts at 0: a text that mounts with many finished blocks (a column
  // coming into view, a run replayed from its end) shows them light first and parses them in a
  // background render, never in the frame that mounts it. The server (no answer is server-
  // rendered in the app; tests render this way) parses at once.
  const parsed = Math.min(useDeferredValue(finished, IN_BROWSER ? 0 : finished), finished);
  const waiting = useSyncExternalStore(
    subscribeToTrees,
    () => blocks.slice(0, parsed).some((block) => parsesInWorker(block) && !parsedTree(block)),
    () => false,
  );
  return (
    // Busy while some blocks are not drawn as markdown yet: still streaming, or waiting for their background parse.
    <div className={cn("prose-moa", className)} aria-busy={parsed < blocks.length || waiting || undefined}>
      {blocks.map((block, i) => (i < parsed ? <MarkdownBlock key={i} text={block} /> : <StreamingBlock key={i} text={block} />))}
    </div>
  );
});

/** Splits at blank lines that are not inside a fenced code block (runs of blank lines count as one). */
export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of text.split("\n")) {
    if (FENCE_LINE.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === "" && current.length > 0) {
      blocks.push(current.join("\n"));
      current = [];
      continue;
    }
    if (!inFence && line.trim() === "") continue;
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join("\n"));
  return blocks;
}

/** A block goes to the markdown worker unless it needs the code highlighter, which is here once loaded. */
function parsesInWorker(text: string): boolean {
  return parsesOffThread() && !(highlightPlugins && HAS_FENCE.test(text));
}

/**
 * A finished block. Its tree comes from the markdown worker (lib/client/markdown-trees.ts):
 * until it has, the block stays drawn as a StreamingBlock. A block with a code fence is parsed
 * here once the highlighter is loaded (the worker does not load it); so is every block where
 * there is no worker.
 */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const rehypePlugins = useHighlightPlugins(HAS_FENCE.test(text));
  const offThread = parsesInWorker(text);
  const fromWorker = useSyncExternalStore(subscribeToTrees, () => (offThread ? parsedTree(text) : undefined), () => undefined);
  const here = useMemo(() => (offThread ? undefined : parseMarkdown(text, { urlTransform: safeUrl, rehypePlugins })), [offThread, text, rehypePlugins]);
  const tree = here ?? fromWorker;
  useEffect(() => {
    if (offThread && !fromWorker) requestTree(text);
  }, [offThread, fromWorker, text]);
  const element = useMemo(() => tree && renderMarkdownTree(tree, components), [tree]);
  return element ?? <StreamingBlock text={text} />;
});
