import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { createLowlight } from "lowlight";
import { visit } from "unist-util-visit";
import { HIGHLIGHT_LANGUAGES } from "./highlight-languages";

/**
 * Syntax highlighting for fenced code in model answers, as a rehype plugin. The grammars are
 * registered once per page, not once per rendered block (rehype-highlight registers them
 * every time a markdown processor is built, which cost ~30 ms per block), and this module is
 * loaded only when an answer contains a code fence.
 */
const lowlight = createLowlight(HIGHLIGHT_LANGUAGES);

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  for (const name of classes.map(String)) {
    if (name.startsWith("language-")) return name.slice("language-".length);
  }
  return undefined;
}

/** Highlights `<pre><code class="language-x">` when x is a registered language; other code stays plain. */
export function rehypeCodeHighlight() {
  return (tree: Root) => {
    visit(tree, "element", (node, _index, parent) => {
      if (node.tagName !== "code" || parent?.type !== "element" || parent.tagName !== "pre") return;
      const language = languageOf(node);
      if (!language || !lowlight.registered(language)) return;
      const highlighted = lowlight.highlight(language, toText(node, { whitespace: "pre" }));
      node.properties.className = ["hljs", ...(node.properties.className as string[])];
      if (highlighted.children.length > 0) node.children = highlighted.children as Element["children"];
    });
  };
}
