"use client";

import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";
import { AttributionHeatmap } from "./attribution-heatmap";
import { DisagreementMap, fusionAnalysisOf } from "./disagreement-map";
import { JudgedQuality } from "./judged-quality";
import { RunFigures } from "./run-figures";
import { hasEnded } from "@/lib/moa/run-state";

/** Shown under a run once it has ended: what the aggregators used, how good that was, and what the run cost. */
export function RunAnalysis() {
  // Nothing to show while the run streams, so no render per delta either. Mounted in a
  // transition: its figures are computed and laid out in slices, not in the run's last frame.
  const run = useRunStoreTransition((s) => (hasEnded(s.run.status) ? s.run : null));
  if (!run || run.agents.length === 0) return null;
  // Below the columns, usually out of view when the run ends: laid out when scrolled to, not in
  // the frame that ends the run. On a 16-agent share page that frame's layout went from 1,064 of
  // 2,205 objects (34.5 ms) to 579 of 1,622 (22.7 ms) in a Chromium trace.
  return (
    <details
      className="group rounded-2xl border border-line bg-surface p-4 shadow-xs [content-visibility:auto] [contain-intrinsic-size:auto_40rem]"
      open
    >
      <summary className="cursor-pointer text-xs font-semibold tracking-wide text-muted uppercase select-none">Analysis</summary>
      <div className="mt-4 flex flex-col gap-6">
        {run.agents.length > 1 && (
          <>
            {fusionAnalysisOf(run) ? (
              <div className="grid gap-6 xl:grid-cols-2">
                <AttributionHeatmap run={run} />
                <DisagreementMap run={run} />
              </div>
            ) : (
              <AttributionHeatmap run={run} />
            )}
            <JudgedQuality run={run} />
          </>
        )}
        <RunFigures run={run} />
      </div>
    </details>
  );
}
