import type { Root } from "hast";
import { parseMarkdown } from "@/lib/markdown/parse";
import { safeUrl } from "@/lib/markdown/safe-url";

/**
 * Parsed markdown blocks for the page, by their text. A block is parsed once, in a Web Worker
 * (markdown-worker.ts), and every component that shows the same text (a column, then the same
 * answer in the final panel or a finished run's view) reuses its tree. Where there is no
 * Worker (the server, tests, old browsers), or it fails to start, blocks are parsed in place.
 */
export type ToMarkdownWorker = { id: number; text: string };
export type FromMarkdownWorker = { kind: "ready" } | { kind: "tree"; id: number; tree: Root } | { kind: "failed"; id: number };

/**
 * A worker that has not said it listens by then is given up, and blocks are parsed here. A
 * script that fails while it loads does not always reach the Worker's error event (a rejection
 * inside the bundler's loader does not): without this, answers would wait for it forever.
 */
const READY_TIMEOUT_MS = 5_000;

/** Trees kept: a long conversation's blocks, many times over, at a few KB a tree. */
const KEPT_TREES = 2_000;

const trees = new Map<string, Root>();
const listeners = new Set<() => void>();
/** Texts sent to the worker and not answered yet, by request id (a handful at a time). */
const requested = new Map<number, string>();
let nextId = 0;

interface MarkdownWorker {
  send(message: ToMarkdownWorker): void;
}
let worker: MarkdownWorker | null | undefined;

/** The fallback: parsing on the page's thread. */
const parseHere = (text: string) => parseMarkdown(text, { urlTransform: safeUrl });

function keep(text: string, tree: Root): void {
  trees.delete(text);
  trees.set(text, tree);
  if (trees.size > KEPT_TREES) trees.delete(trees.keys().next().value as string);
  listeners.forEach((notify) => notify());
}

/** Parses every text the worker was asked for, here: it failed, or could not start. */
function parseRequestedInPlace(): void {
  worker = null;
  const texts = [...requested.values()];
  requested.clear();
  for (const text of texts) keep(text, parseHere(text));
  // Blocks that were waiting for the worker are not any more, even where none had asked yet.
  listeners.forEach((notify) => notify());
}

function markdownWorker(): MarkdownWorker | null {
  if (worker !== undefined) return worker;
  if (typeof window === "undefined" || typeof Worker === "undefined") return (worker = null);
  try {
    const thread = new Worker(new URL("./markdown-worker.ts", import.meta.url));
    // The bundler's worker bootstrap loads the script asynchronously: hold requests until it listens.
    let waiting: ToMarkdownWorker[] | null = [];
    const giveUp = () => {
      clearTimeout(readyTimer);
      thread.onmessage = thread.onerror = null;
      thread.terminate();
      parseRequestedInPlace();
    };
    const readyTimer = setTimeout(() => waiting && giveUp(), READY_TIMEOUT_MS);
    thread.onmessage = (message: MessageEvent<FromMarkdownWorker>) => {
      const data = message.data;
      if (data.kind === "ready") {
        clearTimeout(readyTimer);
        waiting?.forEach((m) => thread.postMessage(m));
        waiting = null;
        return;
      }
      const text = requested.get(data.id);
      if (text === undefined) return;
      requested.delete(data.id);
      keep(text, data.kind === "tree" ? data.tree : parseHere(text));
    };
    thread.onerror = giveUp;
    worker = { send: (message) => (waiting ? waiting.push(message) : thread.postMessage(message)) };
  } catch {
    worker = null;
  }
  return worker;
}

/** Blocks are parsed off the main thread here (a browser whose worker started). */
export function parsesOffThread(): boolean {
  return markdownWorker() !== null;
}

/** The block's tree if it has been parsed; undefined while it waits for the worker. */
export function parsedTree(text: string): Root | undefined {
  return trees.get(text);
}

/** Asks for the block to be parsed (off the main thread when it can be); listeners hear when it is. */
export function requestTree(text: string): void {
  if (trees.has(text) || [...requested.values()].includes(text)) return;
  const target = markdownWorker();
  if (!target) return keep(text, parseHere(text));
  const id = (nextId += 1);
  requested.set(id, text);
  target.send({ id, text });
}

export function subscribeToTrees(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}
