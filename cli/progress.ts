import type { RunEvent } from "@/lib/moa/events";
import type { AgentState, RunState } from "@/lib/moa/run-state";

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_MS = 80;

function tokens(agent: AgentState, streamed: number): string {
  const count = agent.usage?.outputTokens ?? streamed;
  return count ? `${count} tok` : "";
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "" : `${(ms / 1000).toFixed(1)}s`;
}

function describe(agent: AgentState, streamed: number): string {
  const label = `L${agent.layer + 1}.${agent.agent + 1}`;
  const detail =
    agent.status === "failed"
      ? `${agent.error?.kind}: ${agent.error?.message}`
      : agent.status === "skipped"
        ? agent.skipReason ?? ""
        : [tokens(agent, streamed), agent.status === "done" ? seconds(agent.durationMs) : ""].filter(Boolean).join("  ");
  return `${label.padEnd(6)} ${agent.model.padEnd(28)} ${agent.status.padEnd(9)} ${detail}`.trimEnd();
}

/**
 * Per-agent progress on stderr. On a terminal, one line per agent redrawn in place; otherwise
 * (CI, a pipe) one plain line per change of status, so logs stay readable.
 */
export function createProgress(out: ProgressOutput) {
  const streamed = new Map<string, number>();
  const key = (layer: number, agent: number) => `${layer}/${agent}`;
  let drawn = 0;
  let lastDraw = 0;
  let latest: RunState | undefined;

  // Lines are cut to the terminal's width: a wrapped line would throw off the cursor-up count.
  const redraw = (state: RunState) => {
    const lines = state.agents.flat().map((a) => describe(a, streamed.get(key(a.layer, a.agent)) ?? 0));
    const up = drawn ? `\x1b[${drawn}A` : "";
    out.write(up + lines.map((line) => `\r\x1b[2K${line.slice(0, Math.max(20, (out.columns ?? 160) - 1))}\n`).join(""));
    drawn = lines.length;
    lastDraw = Date.now();
  };

  const plain = (event: RunEvent, state: RunState) => {
    if (event.type === "agent-delta") return;
    if (event.type === "agent-retry") {
      out.write(`L${event.layer + 1}.${event.agent + 1} retry ${event.attempt} in ${seconds(event.delayMs)}: ${event.message}\n`);
      return;
    }
    if (event.type === "agent-started" || event.type === "agent-finished" || event.type === "agent-failed" || event.type === "agent-skipped") {
      const agent = state.agents[event.layer]?.[event.agent];
      if (agent) out.write(describe(agent, streamed.get(key(event.layer, event.agent)) ?? 0) + "\n");
    }
  };

  return {
    update(event: RunEvent, state: RunState): void {
      latest = state;
      if (event.type === "agent-delta") streamed.set(key(event.layer, event.agent), (streamed.get(key(event.layer, event.agent)) ?? 0) + 1);
      if (!out.isTTY) return plain(event, state);
      // Deltas arrive far faster than a terminal needs; status changes draw at once.
      if (event.type !== "agent-delta" || Date.now() - lastDraw >= REDRAW_MS) redraw(state);
    },
    finish(): void {
      if (out.isTTY && latest) redraw(latest);
    },
  };
}
