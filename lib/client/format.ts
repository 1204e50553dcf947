import type { AgentState, AgentStatus } from "@/lib/moa/run-state";

/** Numbers as the figures show them. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m ${Math.round((ms % 60_000) / 1000)}s`;
}

export function formatTokens(n: number | undefined): string {
  if (n === undefined) return "–";
  return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : n.toLocaleString("en-US");
}

/** TFLOPs as a table shows them: 3.2e-2, 12.5, 1,234. */
export function formatTflops(tflops: number): string {
  if (tflops === 0) return "0";
  return tflops < 0.1 ? tflops.toExponential(1) : tflops < 100 ? tflops.toFixed(1) : Math.round(tflops).toLocaleString("en-US");
}

export function formatUsd(usd: number | undefined): string {
  if (usd === undefined) return "–";
  if (usd === 0) return "$0";
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(usd < 1 ? 3 : 2)}`;
}

/** Rough tokens for text still streaming (no usage yet): ~4 characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Output speed. While streaming, measured against the latest event time `now` so replays
 * show the speed of the original run, not of the replay machine.
 */
export function tokensPerSecond(agent: AgentState, now: number): number | undefined {
  if (agent.firstTokenAt === undefined) return undefined;
  const end = agent.finishedAt ?? now;
  const seconds = (end - agent.firstTokenAt) / 1000;
  if (seconds <= 0.05) return undefined;
  const tokens = agent.usage?.outputTokens ?? estimateTokens(agent.text);
  return tokens / seconds;
}

export function isAgentActive(status: AgentStatus): boolean {
  return status === "thinking" || status === "streaming";
}
