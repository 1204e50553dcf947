import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { safeUrl } from "@/lib/markdown/safe-url";
import { renderMarkdown } from "@/components/ui/markdown-render";

/** Model answers as they come: the renderer built once must draw them as react-markdown did. */
const SAMPLES = [
  "Plain paragraph with **bold**, *em*, `code` and ~~strike~~.",
  "# Heading\n\n## Sub *heading*\n\nText under it.",
  "1. first\n2. second\n   - nested\n   - [x] done task\n   - [ ] open task",
  "| a | b |\n|:--|--:|\n| 1 | **2** |\n| `x` | [link](https://example.com) |",
  "[ok](https://example.com \"title\") [bad](javascript:alert(1)) <https://auto.link> www.example.org",
  "![alt text](https://example.com/x.png) and ![](data:image/png;base64,AAAA)",
  "Raw <b>html</b> and <script>alert(1)</script>\n\n<div onclick=\"x()\">block html</div>\n\n<!-- comment -->",
  "> quote with a [ref link][r]\n\n[r]: https://example.com/ref",
  "Footnote here[^1].\n\n[^1]: The note, with `code`.",
  "```js\nconst x = '<b>';\n```\n\n~~~\nplain fence\n~~~",
  "Line one  \nline two\\\nline three",
  "* * *\n\n- a\n\n- b (loose list)",
];

const components = {
  a: ({ href, children }: ComponentProps<"a">) => createElement("a", { href, rel: "noopener" }, children),
  img: ({ alt }: ComponentProps<"img">) => createElement("span", null, alt),
};

describe("renderMarkdown: processors built once", () => {
  it.each(SAMPLES)("draws %j exactly as react-markdown does", (text) => {
    const reference = renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm], components, urlTransform: safeUrl }, text));
    const ours = renderToStaticMarkup(renderMarkdown(text, { components, urlTransform: safeUrl }));
    expect(ours).toBe(reference);
  });

  it("gives the same element for the same text twice (no state kept between blocks)", () => {
    const first = renderToStaticMarkup(renderMarkdown("**a** [x](javascript:y)", { components: {}, urlTransform: safeUrl }));
    const second = renderToStaticMarkup(renderMarkdown("**a** [x](javascript:y)", { components: {}, urlTransform: safeUrl }));
    expect(second).toBe(first);
    expect(first).not.toMatch(/javascript:/);
  });
});
