"use client";

import { HistoryToggle } from "@/components/history/history-panel";
import { useRunStore } from "@/lib/client/run-store";
import { ExportMenu } from "./export-menu";
import { ShareButton } from "./share-button";

/** Header actions of the playground: share and export the current run, and the history. */
export function PlaygroundRunActions() {
  const runId = useRunStore((s) => s.run.runId);
  const ended = useRunStore((s) => s.phase === "ended");
  return (
    <>
      {runId && <ShareButton runId={runId} />}
      {runId && ended && <ExportMenu runId={runId} />}
      <HistoryToggle refreshKey={`${runId}:${ended}`} />
    </>
  );
}
