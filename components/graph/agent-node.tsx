"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { STATUS_META } from "@/components/columns/agent-status";
import { agentLabel, focusColumn } from "@/lib/client/column-id";
import { tokensPerSecond } from "@/lib/client/format";
import { cn } from "@/components/ui/cn";
import { MisleadingBadge } from "@/components/teach/misleading-badge";
import { TruncatedBadge } from "@/components/columns/method-notes";
import { truncationLabel } from "@/lib/moa/method-notes";
import { useModelView } from "@/lib/client/models";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";
import { useSampledRunStore } from "@/lib/client/use-sampled-run-store";
import type { AgentStatus } from "@/lib/moa/run-state";
import { NODE_HEIGHT, NODE_WIDTH, type AgentFlowNode } from "./graph-layout";

/**
 * A graph node reads its own agent's status and speed from the run store as primitives,
 * so it re-renders when those change, not on every delta of every agent; the speed is
 * sampled a few times a second. All in transitions: the graph may trail the columns by a frame.
 */
export const AgentNode = memo(function AgentNode({ data }: NodeProps<AgentFlowNode>) {
  const { layer, agent, model, final } = data;
  const view = useModelView(model);
  const status = useRunStoreTransition((s): AgentStatus | null => s.run.agents[layer]?.[agent]?.status ?? null);
  const speed = useSampledRunStore((s) => {
    const a = s.run.agents[layer]?.[agent];
    const tps = a ? tokensPerSecond(a, s.run.t) : undefined;
    return tps === undefined ? null : Math.round(tps);
  });
  const cutAt = useRunStoreTransition((s) => s.run.agents[layer]?.[agent]?.truncatedAt ?? null);
  const startedAt = useRunStoreTransition((s) => s.run.agents[layer]?.[agent]?.startedAt ?? null);
  const meta = status ? STATUS_META[status] : null;
  const label = agentLabel(layer, agent, view.name);
  // A stopped agent that never began was not run at all: say so rather than "stopped".
  const statusWord = status === "stopped" && startedAt === null ? "not run" : meta?.label;

  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-line-strong" />
      {/* Pixel sizes, not rem: the layout places nodes in pixels, and presenter mode's larger
          root font must not grow the boxes into each other (it zooms the graph instead). */}
      <button
        type="button"
        onClick={() => focusColumn(layer, agent)}
        aria-label={`Show column ${label}${statusWord ? `, ${statusWord}` : ""}${cutAt !== null ? `, ${truncationLabel(cutAt)}` : ""}`}
        title={label}
        style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
        className={cn(
          "nodrag nopan flex flex-col justify-center gap-[3px] overflow-hidden rounded-[12px] border bg-surface px-[12px] text-left shadow-sm",
          "hover:border-accent/60 focus-visible:outline-2 focus-visible:outline-accent",
          meta?.ring ?? "border-line",
          final && "ring-2 ring-accent/15",
          status === "streaming" && "shadow-accent/20 shadow-md",
        )}
      >
        <span className="flex min-w-0 items-center gap-[6px] text-[13px] leading-[16px] font-semibold text-fg">
          <span className="min-w-0 truncate" data-testid="node-name">
            {view.label}
          </span>
          {view.simulated && (
            <span className="shrink-0 rounded-[4px] bg-violet-100 px-[4px] text-[9px] leading-[14px] font-medium tracking-wide text-violet-700 uppercase dark:bg-violet-950 dark:text-violet-300">
              sim
            </span>
          )}
        </span>
        <span className="flex min-w-0 items-center gap-[6px] text-[11px] leading-[14px] text-muted">
          <span aria-hidden="true" className={cn("h-[6px] w-[6px] shrink-0 rounded-full", meta?.dot ?? "bg-zinc-300 dark:bg-zinc-600")} />
          <span className="shrink-0">{statusWord ?? (final ? "final aggregator" : `layer ${layer + 1}`)}</span>
          <span className="flex min-w-0 shrink items-center gap-[4px] overflow-hidden">
            <MisleadingBadge layer={layer} agent={agent} compact />
            <TruncatedBadge layer={layer} agent={agent} compact />
          </span>
          {speed !== null && <span className="ml-auto shrink-0 tabular-nums">{speed} tok/s</span>}
        </span>
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-line-strong" />
    </>
  );
});
