"use client";

import { formatMs } from "@/lib/client/format";
import { Badge } from "@/components/ui/badge";
import { useRunStore } from "@/lib/client/run-store";
import type { MoAConfig } from "@/lib/moa/config";
import { AgentColumn } from "./agent-column";
import { layerRole } from "@/lib/client/column-id";

/** All agent columns, grouped by layer, in the order data flows. */
export function RunColumns({ config }: { config: MoAConfig }) {
  const count = config.layers.length;
  return (
    <div className="flex flex-col gap-6">
      {config.layers.map((layer, l) => (
        <LayerSection key={l} layer={l} role={layerRole(l, count)}>
          {layer.agents.map((a, i) => (
            <AgentColumn key={`${i}:${a.model}`} layer={l} agent={i} model={a.model} />
          ))}
        </LayerSection>
      ))}
    </div>
  );
}

function LayerSection({ layer, role, children }: { layer: number; role: string; children: React.ReactNode }) {
  const status = useRunStore((s) => s.run.layers[layer]?.status);
  const duration = useRunStore((s) => s.run.layers[layer]?.durationMs);
  const headingId = `layer-heading-${layer}`;
  return (
    <section aria-labelledby={headingId}>
      <div className="mb-2 flex items-center gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Layer {layer + 1} <span className="font-normal text-muted">· {role}</span>
        </h2>
        {status === "running" && <Badge tone="accent">running</Badge>}
        {status === "done" && <Badge tone="success">done in {formatMs(duration)}</Badge>}
        {status === "stopped" && <Badge tone="warning">stopped</Badge>}
      </div>
      <div className="grid gap-3 max-sm:-mx-4 max-sm:flex max-sm:snap-x max-sm:snap-mandatory max-sm:overflow-x-auto max-sm:scroll-px-4 max-sm:px-4 max-sm:pb-2 sm:grid-cols-[repeat(auto-fit,minmax(17rem,1fr))]">
        {children}
      </div>
    </section>
  );
}
