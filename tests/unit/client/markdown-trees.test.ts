import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FromMarkdownWorker, ToMarkdownWorker } from "@/lib/client/markdown-trees";
import { parseMarkdown } from "@/lib/markdown/parse";
import { safeUrl } from "@/lib/markdown/safe-url";
import { renderMarkdown, renderMarkdownTree } from "@/components/ui/markdown-render";

/** Stands in for the browser's Worker: records what the page sends and answers when told to. */
class FakeWorker {
  static started: FakeWorker[] = [];
  sent: ToMarkdownWorker[] = [];
  onmessage: ((message: { data: FromMarkdownWorker }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.started.push(this);
  }
  postMessage(message: ToMarkdownWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: FromMarkdownWorker) {
    this.onmessage?.({ data });
  }
}

const load = () => import("@/lib/client/markdown-trees");

/** The module as a browser page loads it: a window, and Worker the fake above. */
function loadInBrowser() {
  vi.stubGlobal("window", {});
  vi.stubGlobal("Worker", FakeWorker);
  return load();
}

describe("markdown trees: finished blocks parsed once, off the main thread", () => {
  beforeEach(() => {
    vi.resetModules();
    FakeWorker.started = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  it("sends a block to the worker once, however often it is asked for, and tells listeners when its tree is back", async () => {
    const trees = await loadInBrowser();
    const heard = vi.fn();
    trees.subscribeToTrees(heard);

    expect(trees.parsesOffThread()).toBe(true);
    trees.requestTree("Some **bold** text.");
    trees.requestTree("Some **bold** text.");
    const [worker] = FakeWorker.started;
    expect(FakeWorker.started).toHaveLength(1);
    expect(worker.url.pathname).toMatch(/markdown-worker\.ts$/);
    // Held until the worker's script listens.
    expect(worker.sent).toEqual([]);
    worker.answer({ kind: "ready" });
    expect(worker.sent).toEqual([{ id: 1, text: "Some **bold** text." }]);
    expect(trees.parsedTree("Some **bold** text.")).toBeUndefined();

    const tree = parseMarkdown("Some **bold** text.", { urlTransform: safeUrl });
    worker.answer({ kind: "tree", id: 1, tree });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(trees.parsedTree("Some **bold** text.")).toBe(tree);
    trees.requestTree("Some **bold** text.");
    expect(worker.sent).toHaveLength(1);
  });

  it("parses a block here when the worker could not parse it", async () => {
    const trees = await loadInBrowser();
    trees.requestTree("*x*");
    const [worker] = FakeWorker.started;
    worker.answer({ kind: "ready" });
    worker.answer({ kind: "failed", id: 1 });
    expect(renderToStaticMarkup(renderMarkdownTree(trees.parsedTree("*x*")!, {}))).toBe("<p><em>x</em></p>");
  });

  it("parses here what the worker was asked, and everything after, when its script fails to load", async () => {
    const trees = await loadInBrowser();
    trees.requestTree("first");
    const [worker] = FakeWorker.started;
    worker.onerror?.();
    expect(worker.terminated).toBe(true);
    expect(trees.parsedTree("first")).toBeDefined();
    expect(trees.parsesOffThread()).toBe(false);
    trees.requestTree("second");
    expect(trees.parsedTree("second")).toBeDefined();
    expect(FakeWorker.started).toHaveLength(1);
  });

  it("gives up a worker that never says it listens (a script that failed without an error event), and parses here", async () => {
    vi.useFakeTimers();
    try {
      const trees = await loadInBrowser();
      const heard = vi.fn();
      trees.subscribeToTrees(heard);
      trees.requestTree("**late**");
      const [worker] = FakeWorker.started;
      await vi.advanceTimersByTimeAsync(4_000);
      expect(trees.parsedTree("**late**")).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(worker.terminated).toBe(true);
      expect(renderToStaticMarkup(renderMarkdownTree(trees.parsedTree("**late**")!, {}))).toBe("<p><strong>late</strong></p>");
      expect(heard).toHaveBeenCalled();
      expect(trees.parsesOffThread()).toBe(false);
      // A worker given up is not written to again, whatever it says later.
      worker.answer({ kind: "ready" });
      expect(worker.sent).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("parses in place where there is no Worker (the server, tests)", async () => {
    const trees = await load();
    expect(trees.parsesOffThread()).toBe(false);
    trees.requestTree("# Title");
    expect(renderToStaticMarkup(renderMarkdownTree(trees.parsedTree("# Title")!, {}))).toBe("<h1>Title</h1>");
  });
});

describe("markdown worker", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("answers with the tree the page would have parsed: safe URLs, raw HTML as text, no source positions", async () => {
    const posted: FromMarkdownWorker[] = [];
    const scope: { postMessage: (m: FromMarkdownWorker) => void; onmessage?: (m: { data: ToMarkdownWorker }) => void } = { postMessage: (m) => posted.push(m) };
    vi.stubGlobal("self", scope);
    vi.resetModules();
    await import("@/lib/client/markdown-worker");
    expect(posted).toEqual([{ kind: "ready" }]);

    const text = "[bad](javascript:alert(1)) [ok](https://example.com) <script>alert(1)</script> ![img](https://x.test/a.png)";
    scope.onmessage?.({ data: { id: 7, text } });
    const answer = posted[1];
    expect(answer.kind).toBe("tree");
    if (answer.kind !== "tree") return;
    expect(answer.id).toBe(7);
    expect(JSON.stringify(answer.tree)).not.toContain('"position"');
    // structuredClone: what postMessage does to the tree on its way to the page.
    const drawn = renderToStaticMarkup(renderMarkdownTree(structuredClone(answer.tree), {}));
    expect(drawn).toBe(renderToStaticMarkup(renderMarkdown(text, { components: {}, urlTransform: safeUrl })));
    expect(drawn).not.toContain("javascript:");
    expect(drawn).toContain("&lt;script&gt;");
  });
});
