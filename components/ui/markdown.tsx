"use client";

import { memo, type ComponentProps } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { HIGHLIGHT_LANGUAGES } from "./highlight-languages";
import remarkGfm from "remark-gfm";
import { cn } from "./cn";

/**
 * Model output is untrusted. No rehype-raw: raw HTML in a model's answer is shown as text,
 * never parsed. URLs go through the default transform (drops javascript:, data:, …) and a
 * second check of our own, so a future change of the library default cannot reopen it.
 */
const SAFE_PROTOCOL = /^(https?:|mailto:|#|\/(?!\/))/i;

export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url.trim());
  if (!cleaned) return "";
  if (!/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return cleaned; // relative
  return SAFE_PROTOCOL.test(cleaned) ? cleaned : "";
}

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

const components: Components = { a: Link, img: Image };
const remarkPlugins = [remarkGfm];
const rehypePlugins = [[rehypeHighlight, { detect: false, languages: HIGHLIGHT_LANGUAGES }]] as ComponentProps<typeof Markdown>["rehypePlugins"];

export interface MarkdownTextProps {
  text: string;
  className?: string;
}

/**
 * Renders untrusted markdown. While text streams in, only its last block is parsed again:
 * finished blocks (split at blank lines outside code fences) are memoized, so a column that
 * grows by one word per frame costs one paragraph of parsing, not the whole answer.
 */
export const MarkdownText = memo(function MarkdownText({ text, className }: MarkdownTextProps) {
  const blocks = splitMarkdownBlocks(text);
  return (
    <div className={cn("prose-moa", className)}>
      {blocks.map((block, i) => (
        <MarkdownBlock key={i} text={block} />
      ))}
    </div>
  );
});

/** Splits at blank lines that are not inside a fenced code block (runs of blank lines count as one). */
export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of text.split("\n")) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
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

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <>
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        components={components}
        urlTransform={safeUrl}
      >
        {text}
      </Markdown>
    </>
  );
});
