import type { ReactNode } from "react";

/**
 * A markdown block that is still being written, drawn with a few line-level rules (headings,
 * list items, paragraphs) and inline emphasis and code, so a streaming answer already looks
 * like the rendered one. It costs a regex pass per frame where a real parse costs a
 * tokenizer run; once the block is finished, the real parser takes over. Everything becomes
 * React text: links, HTML and the rest of markdown stay literal until then.
 */
/** A line that opens or closes a fenced code block. */
export const FENCE_LINE = /^[ \t]{0,3}(```|~~~)/;
/**
 * How much of a growing text is made of finished markdown blocks: up to and including the
 * last blank line outside a code fence (the rule splitMarkdownBlocks splits by). What follows
 * is the block still being written.
 */
export function settledLength(text: string): number {
  let settled = 0;
  let inFence = false;
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; start = end + 1, end = text.indexOf("\n", start)) {
    const line = text.slice(start, end);
    if (FENCE_LINE.test(line)) inFence = !inFence;
    else if (!inFence && line.trim() === "") settled = end + 1;
  }
  return settled;
}

const HEADING = /^[ \t]{0,3}(#{1,6})[ \t]+(.*)$/;
const LIST_ITEM = /^[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
/** `**strong**`, `*em*` and `` `code` ``; underscores are left alone (snake_case is not emphasis). */
const INLINE = /\*\*(?=\S)([\s\S]+?)(?<=\S)\*\*|\*(?=[^\s*])([\s\S]+?)(?<=[^\s*])\*|`([^`\n]+)`/g;

/** Longer runs of text stay plain: a hostile answer must not make every frame scan it over and over. */
const MAX_INLINE_CHARS = 4_000;

export function inlineMarkdown(text: string): ReactNode[] {
  if (text.length > MAX_INLINE_CHARS) return [text];
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const [, strong, em, code] = match;
    const key = out.length;
    if (strong !== undefined) out.push(<strong key={key}>{inlineMarkdown(strong)}</strong>);
    else if (em !== undefined) out.push(<em key={key}>{inlineMarkdown(em)}</em>);
    else out.push(<code key={key}>{code}</code>);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Part = { kind: "heading"; level: number; text: string } | { kind: "list"; ordered: boolean; start: number; items: string[] } | { kind: "paragraph"; lines: string[] };

function partsOf(block: string): Part[] {
  const parts: Part[] = [];
  for (const line of block.split("\n")) {
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    const previous = parts.at(-1);
    if (heading) parts.push({ kind: "heading", level: heading[1].length, text: heading[2] });
    else if (item) {
      const ordered = item[2] !== undefined;
      if (previous?.kind === "list" && previous.ordered === ordered) previous.items.push(item[3]);
      else parts.push({ kind: "list", ordered, start: ordered ? Number(item[2]) : 1, items: [item[3]] });
    } else if (previous?.kind === "list" && /^[ \t]+\S/.test(line)) {
      // A continuation line of the last list item.
      previous.items[previous.items.length - 1] += ` ${line.trim()}`;
    } else if (previous?.kind === "paragraph") previous.lines.push(line);
    else parts.push({ kind: "paragraph", lines: [line] });
  }
  return parts;
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  const Tag = `h${Math.min(level, 6)}` as "h1";
  return <Tag>{children}</Tag>;
}

export function StreamingBlock({ text }: { text: string }) {
  if (FENCE_LINE.test(text)) {
    const body = text.slice(text.indexOf("\n") + 1 || text.length);
    return (
      <pre>
        <code>{body}</code>
      </pre>
    );
  }
  return (
    <>
      {partsOf(text).map((part, i) => {
        if (part.kind === "heading") return <Heading key={i} level={part.level}>{inlineMarkdown(part.text)}</Heading>;
        if (part.kind === "paragraph") return <p key={i}>{inlineMarkdown(part.lines.join("\n"))}</p>;
        const items = part.items.map((item, k) => <li key={k}>{inlineMarkdown(item)}</li>);
        return part.ordered ? (
          <ol key={i} start={part.start === 1 ? undefined : part.start}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      })}
    </>
  );
}
