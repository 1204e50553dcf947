/// <reference lib="webworker" />
import { visit } from "unist-util-visit";
import { parseMarkdown } from "@/lib/markdown/parse";
import { safeUrl } from "@/lib/markdown/safe-url";
import type { FromMarkdownWorker, ToMarkdownWorker } from "./markdown-trees";

/**
 * Parses finished markdown blocks off the page's main thread (markdown-trees.ts asks). The
 * parser allocates a few hundred bytes for every character it reads: on the page, a live run's
 * parses were about half of everything it allocated, and the collections that followed landed
 * in the frames of 16 streaming columns.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromMarkdownWorker) => scope.postMessage(message);

scope.onmessage = (message: MessageEvent<ToMarkdownWorker>) => {
  const { id, text } = message.data;
  try {
    const tree = parseMarkdown(text, { urlTransform: safeUrl });
    // Source positions are not drawn: dropping them makes the tree's copy to the page smaller.
    visit(tree, (node) => {
      delete node.position;
    });
    post({ kind: "tree", id, tree });
  } catch {
    post({ kind: "failed", id });
  }
};
post({ kind: "ready" });
