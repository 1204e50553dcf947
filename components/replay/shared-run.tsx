"use client";

import { useEffect, useState } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { Conversation } from "@/components/run/conversation";
import { LazyRunOutput, preloadRunOutput } from "@/components/run/lazy-run-output";
import { RunView } from "@/components/run/run-view";
import { ExportMenu } from "@/components/share/export-menu";
import { RunAccessProvider } from "@/components/share/run-access";
import { ShareButton } from "@/components/share/share-button";
import { InputsDialog } from "@/components/teach/inputs-dialog";
import { PresenterShell } from "@/components/teach/presenter";
import { Badge } from "@/components/ui/badge";
import { LazyMarkdownText } from "@/components/ui/lazy-markdown";
import { createReplay, type Replay } from "@/lib/client/replay";
import { fetchRunView, RunClientError, type RunAccess } from "@/lib/client/run-client";
import { runStore, useRunStore } from "@/lib/client/run-store";
import type { RunEvent } from "@/lib/moa/events";
import type { RunExport } from "@/lib/runs/export";
import { ReplayControls } from "./replay-controls";
import { ReplayStepControls, ReplayStepToggle } from "./replay-step-controls";

type Mode = { kind: "loading" } | { kind: "live" } | { kind: "replay"; replay: Replay } | { kind: "error"; message: string };

/** Builds a replay that drives the page's run store. */
function replayInto(id: string, events: RunEvent[], stepping = false): Replay {
  return createReplay(events, {
    stepping,
    onReset: () => runStore.getState().reset(id),
    onEvents: (batch) => runStore.getState().applyEvents(batch),
  });
}

async function loadEvents(id: string, signal: AbortSignal): Promise<RunEvent[]> {
  const response = await fetch(`/api/runs/${encodeURIComponent(id)}/export?format=json`, { signal, cache: "no-store" });
  if (!response.ok) throw new RunClientError("internal", "Could not load this run.", response.status);
  return ((await response.json()) as RunExport).events;
}

/**
 * A shared run, read-only: streamed live while it runs (any number of viewers may join at
 * any time), replayed with its original timing once it has ended. With `stepThrough` the
 * replay stops before each layer until the presenter moves on.
 */
export function SharedRun({ id, stepThrough = false }: { id: string; stepThrough?: boolean }) {
  const [mode, setMode] = useState<Mode>({ kind: "loading" });
  const [helpOpen, setHelpOpen] = useState(false);
  // Until the server says otherwise, a share page is read-only.
  const [access, setAccess] = useState<RunAccess>("read");
  const messages = useRunStore((s) => s.run.messages);

  useEffect(() => {
    // The answers' code loads alongside the run's events, not after them.
    void preloadRunOutput();
    const abort = new AbortController();
    let replay: Replay | null = null;
    runStore.getState().reset(id);
    runStore.setState({ messages: [] });

    void (async () => {
      try {
        const { run: state, access } = await fetchRunView(id);
        if (abort.signal.aborted) return;
        setAccess(access);
        if (state.status === "pending" || state.status === "running") {
          setMode({ kind: "live" });
          // From the first event, not the snapshot: the events received are the replay's.
          const { events, error } = await runStore.getState().follow(id, { signal: abort.signal });
          if (abort.signal.aborted) return;
          if (error) {
            setMode({ kind: "error", message: error });
            return;
          }
          // Once it has ended, the run can be watched again from the start.
          replay = replayInto(id, events);
          replay.showFinal();
          setMode({ kind: "replay", replay });
          return;
        }
        const events = await loadEvents(id, abort.signal);
        if (abort.signal.aborted) return;
        replay = replayInto(id, events, stepThrough);
        setMode({ kind: "replay", replay });
        replay.play();
      } catch (error) {
        if (abort.signal.aborted) return;
        const message =
          error instanceof RunClientError && error.status === 404
            ? "This run does not exist, or it was deleted."
            : error instanceof RunClientError
              ? error.message
              : "Could not load this run.";
        setMode({ kind: "error", message });
      }
    })();

    return () => {
      abort.abort();
      replay?.dispose();
    };
    // The link's step setting is read once; after that the toggle owns it.
  }, [id]);

  return (
    <PresenterShell className="min-h-dvh">
      <AppHeader
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
        presenter
        actions={
          <>
            <a
              href={`/?fork=${encodeURIComponent(id)}`}
              className="inline-flex h-7 items-center rounded-md bg-accent px-2.5 text-xs font-medium text-white shadow-sm hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              Open in playground
            </a>
            <ShareButton runId={id} />
            <ExportMenu runId={id} />
          </>
        }
      />
      <main className="mx-auto flex max-w-[110rem] flex-col gap-5 px-4 py-5 sm:px-6">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-base font-semibold">Shared run</h1>
          <Badge tone={mode.kind === "live" ? "accent" : "neutral"}>
            {mode.kind === "live" ? "Live" : mode.kind === "replay" ? "Replay" : mode.kind === "loading" ? "Loading" : "Unavailable"}
          </Badge>
          <span className="text-xs text-muted">Read-only. Open it in the playground to run it again or change it.</span>
        </div>
        {mode.kind === "replay" && (
          <div className="flex flex-col gap-2">
            <ReplayControls replay={mode.replay} />
            <ReplayStepToggle replay={mode.replay} />
          </div>
        )}
        {mode.kind === "error" ? (
          <p role="alert" className="rounded-lg border border-red-300/70 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
            {mode.message}
          </p>
        ) : (
          <>
            <Conversation messages={messages} markdown={LazyMarkdownText} />
            <RunAccessProvider value={access}>
              <RunView output={LazyRunOutput} empty={<p className="text-sm text-muted">Loading the run…</p>} />
            </RunAccessProvider>
            {mode.kind === "replay" && (
              <div className="bottom-0 z-30 -mx-1 bg-gradient-to-t from-bg via-bg to-bg/0 px-1 pt-4 pb-4 max-sm:static sm:sticky">
                <ReplayStepControls replay={mode.replay} className="shadow-lg" />
              </div>
            )}
          </>
        )}
      </main>
      {/* The columns' Inputs buttons open it, here as in the playground. */}
      <InputsDialog />
    </PresenterShell>
  );
}
