import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/components/ui/markdown";
import { StreamingBlock } from "@/components/ui/streaming-block";

const draw = (text: string) => renderToStaticMarkup(createElement(StreamingBlock, { text }));

describe("StreamingBlock (the block still being written)", () => {
  it("draws list items, headings and inline emphasis like the parsed markdown", () => {
    expect(draw("- **Cost:** cheap\n- *fast* and `safe`")).toBe(
      "<ul><li><strong>Cost:</strong> cheap</li><li><em>fast</em> and <code>safe</code></li></ul>",
    );
    expect(draw("### Watch out")).toBe("<h3>Watch out</h3>");
    expect(draw("3. third\n4. fourth")).toBe('<ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(draw("Soft\nbreak")).toBe("<p>Soft\nbreak</p>");
  });

  it("leaves unfinished or ambiguous marks as they are", () => {
    expect(draw("Still **writ")).toBe("<p>Still **writ</p>");
    expect(draw("2 * 3 * 4 and snake_case_name")).toBe("<p>2 * 3 * 4 and snake_case_name</p>");
  });

  it("never turns model text into markup: HTML and links stay literal", () => {
    const html = draw('<img src=x onerror="alert(1)"> [x](javascript:alert(1))');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<a");
    expect(html).toContain("&lt;img");
  });

  it("shows an unfinished code fence as code", () => {
    expect(draw("```py\nx = <b>1")).toBe("<pre><code>x = &lt;b&gt;1</code></pre>");
  });

  it("is what MarkdownText shows for the last block while streaming, marked busy", () => {
    const html = renderToStaticMarkup(createElement(MarkdownText, { text: "**Done** paragraph.\n\n- **Still** writ", streaming: true }));
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("<p><strong>Done</strong> paragraph.</p>");
    expect(html).toContain("<ul><li><strong>Still</strong> writ</li></ul>");
  });
});
