"use client";

import dynamic from "next/dynamic";
import { RunColumns } from "@/components/columns/run-columns";
import { SimRunSection } from "@/components/sim/sim-run-section";
import { isActive } from "@/lib/client/run-store";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";
import type { MoAConfig } from "@/lib/moa/config";
import { FinalAnswer } from "./final-answer";

// Code-split: the similarity and figures code loads with the first run, not with the page.
const RunAnalysis = dynamic(() => import("@/components/analysis/run-analysis").then((m) => m.RunAnalysis), { ssr: false });

/** What a run produces: the final answer, one column per agent, and the analysis once it ends. */
export function RunOutput({ config }: { config: MoAConfig }) {
  // While proposers stream, their columns are what there is to watch, so they come right under
  // the graph; once the run has ended the final answer leads (moved between frames: the run's
  // last frame already has its columns to finish).
  const live = useRunStoreTransition((s) => isActive(s.phase));
  return (
    <>
      {!live && <FinalAnswer />}
      <RunColumns config={config} />
      {live && <FinalAnswer />}
      <RunAnalysis />
      <SimRunSection />
    </>
  );
}
