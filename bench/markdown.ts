import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeUrl } from "@/lib/markdown/safe-url";
import { renderMarkdown } from "@/components/ui/markdown-render";
import type { Row } from "./lib/table";

/**
 * A finished markdown block drawn to HTML, as every column does once per paragraph: through the
 * app's processors built once (components/ui/markdown-render.ts) against react-markdown, which
 * builds a processor per block. Same blocks, same options, alternating rounds; median of 5.
 */
const BLOCKS = Array.from(
  { length: 300 },
  (_, i) =>
    `Paragraph ${i}: the **refrigerator** moves heat from inside to outside with a *refrigerant* that evaporates at low pressure and condenses at high pressure; see [the diagram](https://example.com/${i}). It cycles continuously.`,
);
const ROUNDS = 5;
const components = {};

function msPerBlock(render: (text: string) => string): number {
  const started = performance.now();
  for (const block of BLOCKS) render(block);
  return (performance.now() - started) / BLOCKS.length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchMarkdown(): Promise<Row[]> {
  const viaLibrary = (text: string) => renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm], components, urlTransform: safeUrl }, text));
  const builtOnce = (text: string) => renderToStaticMarkup(renderMarkdown(text, { components, urlTransform: safeUrl }));
  const same = BLOCKS.slice(0, 20).every((block) => viaLibrary(block) === builtOnce(block));
  // Warm both paths (JIT, module state) before measuring.
  msPerBlock(viaLibrary);
  msPerBlock(builtOnce);
  const library: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    library.push(msPerBlock(viaLibrary));
    ours.push(msPerBlock(builtOnce));
  }
  const a = median(library);
  const b = median(ours);
  return [
    {
      benchmark: "Markdown block to HTML",
      config: `${BLOCKS.length} paragraph blocks with bold, italics and a link, Node`,
      measured: `built once: ${b.toFixed(3)} ms a block; react-markdown: ${a.toFixed(3)} ms (${(a / b).toFixed(2)}×)`,
      target: "built once faster, same HTML",
      status: b < a && same ? "PASS" : "MISS",
      note: `median of ${ROUNDS} alternating rounds after a warm-up; HTML compared on 20 blocks: ${same ? "identical" : "DIFFERENT"}`,
    },
  ];
}
