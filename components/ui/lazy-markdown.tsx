"use client";

import { lazy, Suspense } from "react";
import { cn } from "./cn";
import type { MarkdownTextProps } from "./markdown";

const MarkdownText = lazy(() => import("./markdown").then((m) => ({ default: m.MarkdownText })));

/**
 * MarkdownText for a page that rarely needs it at first: the renderer loads on first use,
 * and until it has, the text is shown as written, in the same place.
 */
export function LazyMarkdownText(props: MarkdownTextProps) {
  return (
    <Suspense fallback={<div className={cn("prose-moa whitespace-pre-wrap", props.className)}>{props.text}</div>}>
      <MarkdownText {...props} />
    </Suspense>
  );
}
