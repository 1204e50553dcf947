import { stripThinking } from "../variants/transcript";

/**
 * Candidate numbers in the order a reply names them ("3 > 1 > 2", "2, 5", "1. Response 3"),
 * 0-based, each once, only those in range. After a `FINAL RANKING:` heading only what follows
 * counts, since reviewers discuss the candidates before they rank them.
 */
export function parseOrder(text: string, count: number): number[] {
  const reply = stripThinking(text);
  const heading = reply.search(/final ranking\s*:?/i);
  const tail = heading === -1 ? reply : reply.slice(heading);
  const marked = [...tail.matchAll(/\b(?:response|answer|candidate)\s*#?\s*(\d+)\b/gi)].map((m) => Number(m[1]));
  const numbers = marked.length > 0 ? marked : [...tail.matchAll(/(?<![\d.])(\d+)(?![\d]|\.\d)/g)].map((m) => Number(m[1]));
  const seen = new Set<number>();
  for (const n of numbers) if (n >= 1 && n <= count) seen.add(n - 1);
  return [...seen];
}

/** `order` completed with the candidates it left out, in their own order. */
export function completeOrder(order: number[], count: number): number[] {
  return [...order, ...Array.from({ length: count }, (_, i) => i).filter((i) => !order.includes(i))];
}

export const refLabel = (ref: { layer: number; agent: number }) => `Layer ${ref.layer + 1} · Agent ${ref.agent + 1}`;
export const numbered = (order: number[]) => order.map((i) => i + 1).join(" > ");
