import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText, safeUrl } from "@/components/ui/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

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

  it("renders GFM tables and highlights fenced code", () => {
    const html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```");
    expect(html).toContain("<table>");
    expect(html).toContain('class="hljs-keyword"');
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
