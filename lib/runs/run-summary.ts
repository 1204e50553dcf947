import "server-only";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";

const EXCERPT_CHARS = 140;

/** The last thing the user asked, on one line, cut to fit a history list. */
export function promptExcerpt(messages: ChatMessage[]): string {
  const last = messages.findLast((m) => m.role === "user");
  const oneLine = (last?.content ?? "").replace(/\s+/g, " ").trim();
  return oneLine.length <= EXCERPT_CHARS ? oneLine : `${oneLine.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/**
 * "layers×proposers", the way the MoA paper names its set-ups: "3×6" is three layers whose
 * first layer has six proposers. A single-layer run is "1×1".
 */
export function runShape(config: MoAConfig): string {
  return `${config.layers.length}×${config.layers[0]?.agents.length ?? 0}`;
}
