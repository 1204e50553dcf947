"use client";

import { useRunStore } from "@/lib/client/run-store";
import { ExportMenu } from "./export-menu";
import { ShareButton } from "./share-button";

/** The history list reloads when the current run starts and when it ends. */
export function usePlaygroundHistoryKey(): string {
  const runId = useRunStore((s) => s.run.runId);
  const ended = useRunStore((s) => s.phase === "ended");
  return `${runId}:${ended}`;
}

/** Header actions of the playground: share and export the current run. */
export function PlaygroundRunActions() {
  const runId = useRunStore((s) => s.run.runId);
  const ended = useRunStore((s) => s.phase === "ended");
  return (
    <>
      {runId && <ShareButton runId={runId} />}
      {runId && ended && <ExportMenu runId={runId} />}
    </>
  );
}
