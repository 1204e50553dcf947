"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { STATUS_META } from "@/components/columns/agent-status";
import { agentLabel, focusColumn } from "@/components/columns/column-id";
import { tokensPerSecond } from "@/components/run/format";
import { useModelView } from "@/components/run/model-catalog";
import { cn } from "@/components/ui/cn";
import { MisleadingBadge } from "@/components/teach/misleading-badge";
import { TruncatedBadge } from "@/components/run/method-notes";
import { truncationLabel } from "@/lib/moa/method-notes";
import { useRunStore } from "@/lib/client/run-store";
import type { AgentStatus } from "@/lib/moa/run-state";
import type { AgentFlowNode } from "./graph-layout";

/**
 * A graph node reads its own agent's status and speed from the run store as primitives,
 * so it re-renders when those change, not on every delta of every agent.
 */
export const AgentNode = memo(function AgentNode({ data }: NodeProps<AgentFlowNode>) {
  const { layer, agent, model, final } = data;
  const view = useModelView(model);
  const status = useRunStore((s): AgentStatus | null => s.run.agents[layer]?.[agent]?.status ?? null);
  const speed = useRunStore((s) => {
    const a = s.run.agents[layer]?.[agent];
    const tps = a ? tokensPerSecond(a, s.run.t) : undefined;
    return tps === undefined ? null : Math.round(tps);
  });
  const cutAt = useRunStore((s) => s.run.agents[layer]?.[agent]?.truncatedAt ?? null);
  const meta = status ? STATUS_META[status] : null;
  const label = agentLabel(layer, agent, view.name);

  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-line-strong" />
      <button
        type="button"
        onClick={() => focusColumn(layer, agent)}
        aria-label={`Show column ${label}${status ? `, ${status}` : ""}${cutAt !== null ? `, ${truncationLabel(cutAt)}` : ""}`}
        title={label}
        className={cn(
          "nodrag nopan flex h-16 w-46 flex-col justify-center gap-1 rounded-xl border bg-surface px-3 text-left shadow-sm",
          "hover:border-accent/60 focus-visible:outline-2 focus-visible:outline-accent",
          meta?.ring ?? "border-line",
          final && "ring-2 ring-accent/15",
          status === "streaming" && "shadow-accent/20 shadow-md",
        )}
      >
        <span className="flex items-center gap-1.5 text-[13px] leading-tight font-semibold text-fg">
          <span className="truncate">{view.label}</span>
          <MisleadingBadge layer={layer} agent={agent} compact />
          <TruncatedBadge layer={layer} agent={agent} compact />
          {view.simulated && (
            <span className="rounded bg-violet-100 px-1 text-[9px] font-medium tracking-wide text-violet-700 uppercase dark:bg-violet-950 dark:text-violet-300">
              sim
            </span>
          )}
        </span>
        <span className="flex items-center gap-1.5 text-[11px] text-muted">
          <span aria-hidden="true" className={cn("h-1.5 w-1.5 rounded-full", meta?.dot ?? "bg-zinc-300 dark:bg-zinc-600")} />
          <span>{meta?.label ?? (final ? "final aggregator" : `layer ${layer + 1}`)}</span>
          {speed !== null && <span className="ml-auto tabular-nums">{speed} tok/s</span>}
        </span>
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-1.5 !w-1.5 !border-0 !bg-line-strong" />
    </>
  );
});
