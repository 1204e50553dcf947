"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SpinnerIcon } from "@/components/ui/icons";
import { useRunStore, type RunPhase } from "@/lib/client/run-store";
import { useSampledRunStore } from "@/lib/client/use-sampled-run-store";
import type { RunStatus } from "@/lib/moa/run-state";
import { formatMs } from "@/lib/client/format";

const STATUS: Record<RunStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Starting", tone: "neutral" },
  running: { label: "Running", tone: "accent" },
  finished: { label: "Finished", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  cancelled: { label: "Stopped", tone: "warning" },
  interrupted: { label: "Interrupted", tone: "warning" },
};

export function runStatusLabel(status: RunStatus, phase: RunPhase): { label: string; tone: BadgeTone } {
  if (phase === "reconnecting") return { label: "Reconnecting", tone: "warning" };
  if (phase === "starting") return STATUS.pending;
  return STATUS[status];
}

/** One line above the graph: where the run is, how long it has taken, which layer is working. */
export function RunStatusBar() {
  const status = useRunStore((s) => s.run.status);
  const phase = useRunStore((s) => s.phase);
  // The clock moves with every event; shown (and announced) a few times a second.
  const t = useSampledRunStore((s) => s.run.durationMs ?? s.run.t);
  const runningLayer = useRunStore((s) => s.run.layers.findIndex((l) => l.status === "running"));
  const layerCount = useRunStore((s) => s.run.layers.length);
  const { label, tone } = runStatusLabel(status, phase);
  // A spinner while the page waits on the server (starting, reconnecting). A running run moves
  // by itself (text, clock), and a spinner spinning all along kept the main thread busy every frame.
  const waiting = phase === "starting" || phase === "reconnecting";

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" role="status" aria-live="polite">
      <Badge tone={tone} className="text-xs">
        {waiting && <SpinnerIcon size={11} />}
        {label}
      </Badge>
      {status === "running" && runningLayer >= 0 && (
        <span className="text-muted">
          layer {runningLayer + 1} of {layerCount}
        </span>
      )}
      <span className="ml-auto text-xs text-muted tabular-nums">{formatMs(t)}</span>
    </div>
  );
}
