import type { Root } from "hast";
import { urlAttributes } from "html-url-attributes";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { type PluggableList, unified } from "unified";
import { visit } from "unist-util-visit";

/**
 * Markdown to an HTML tree (hast) with processors built once. react-markdown builds and freezes
 * a new unified processor (GFM's extensions included) for every block it renders; a live run
 * renders hundreds of blocks. What is done to the tree is what react-markdown does with the
 * options the app uses: raw HTML is kept as text (never parsed), and every URL attribute goes
 * through `urlTransform`. No React here: the page's markdown worker runs this too.
 */
function buildProcessor(rehypePlugins: PluggableList) {
  return unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypePlugins).freeze();
}

type Processor = ReturnType<typeof buildProcessor>;

const plain = buildProcessor([]);
const withPlugins = new WeakMap<PluggableList, Processor>();

function processorFor(rehypePlugins: PluggableList | undefined): Processor {
  if (!rehypePlugins) return plain;
  let processor = withPlugins.get(rehypePlugins);
  if (!processor) {
    processor = buildProcessor(rehypePlugins);
    withPlugins.set(rehypePlugins, processor);
  }
  return processor;
}

export interface ParseMarkdownOptions {
  urlTransform: (url: string) => string;
  rehypePlugins?: PluggableList;
}

/** The block's HTML tree, safe to draw: raw HTML turned into text, URLs through `urlTransform`. */
export function parseMarkdown(text: string, { urlTransform, rehypePlugins }: ParseMarkdownOptions): Root {
  const processor = processorFor(rehypePlugins);
  const tree: Root = processor.runSync(processor.parse(text));
  visit(tree, (node, index, parent) => {
    if (node.type === "raw" && parent && typeof index === "number") {
      parent.children[index] = { type: "text", value: node.value };
      return index;
    }
    if (node.type !== "element") return;
    for (const [attribute, tags] of Object.entries(urlAttributes)) {
      if (Object.hasOwn(node.properties, attribute) && (tags === null || tags.includes(node.tagName))) {
        node.properties[attribute] = urlTransform(String(node.properties[attribute] || ""));
      }
    }
  });
  return tree;
}
