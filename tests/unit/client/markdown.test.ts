import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadCodeHighlighter, MarkdownText } from "@/components/ui/markdown";
import { safeUrl } from "@/lib/markdown/safe-url";

const render = (text: string, streaming = false) => renderToStaticMarkup(createElement(MarkdownText, { text, streaming }));

describe("markdown from models", () => {
  it("never executes raw HTML: it is shown as text", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: links and opens others safely in a new tab", () => {
    const html = render("[bad](javascript:alert(1)) and [good](https://example.com)");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it("renders GFM tables, and highlights fenced code once the highlighter has loaded", async () => {
    const text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\n```klingon\nqapla'\n```";
    expect(render(text)).toContain("<table>");
    expect(render(text)).not.toContain("hljs");
    await loadCodeHighlighter();
    const html = render(text);
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>');
    expect(html).toContain('<code class="language-klingon">qapla&#x27;\n</code>');
  });

  it("safeUrl keeps http(s), mailto and relative links only", () => {
    expect(safeUrl("https://a.b/c")).toBe("https://a.b/c");
    expect(safeUrl("mailto:x@y.z")).toBe("mailto:x@y.z");
    expect(safeUrl("/r/abc")).toBe("/r/abc");
    expect(safeUrl("JaVaScRiPt:alert(1)")).toBe("");
    expect(safeUrl("data:text/html,<b>x</b>")).toBe("");
    expect(safeUrl("vbscript:x")).toBe("");
  });
});
