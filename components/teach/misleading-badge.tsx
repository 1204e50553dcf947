"use client";

import { Badge } from "@/components/ui/badge";
import { useRunStore } from "@/lib/client/run-store";
import { isMisleadingAgent } from "@/lib/teach/misleading";

/** Marks the demo's misleading proposer wherever that agent is drawn. */
export function MisleadingBadge({ layer, agent, compact }: { layer: number; agent: number; compact?: boolean }) {
  const misleading = useRunStore((s) => isMisleadingAgent((s.run.config ?? s.config ?? undefined)?.layers[layer]?.agents[agent]));
  if (!misleading) return null;
  return (
    <Badge tone="danger" title="Told to give a confident, subtly wrong answer (classroom demo)" className={compact ? "px-1 text-[9px] uppercase" : undefined}>
      {compact ? "misleading" : "⚠ misleading (demo)"}
    </Badge>
  );
}
