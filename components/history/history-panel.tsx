"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { formatTokens, formatUsd } from "@/lib/client/format";
import type { RunSummaryJson } from "@/lib/runs/history";
import { readOwner } from "@/lib/client/owner";
import { deleteRun, fetchRunPage, relativeTime } from "./history-client";
import { plural } from "@/lib/plural";

const STATUS_LABEL: Record<RunSummaryJson["status"], string> = {
  pending: "starting",
  running: "running",
  finished: "finished",
  failed: "failed",
  cancelled: "stopped",
  interrupted: "interrupted",
};

/** This browser's runs, newest first, paged; open one or delete it. */
export function HistoryPanel({ onClose, refreshKey }: { onClose(): void; refreshKey?: string }) {
  const [runs, setRuns] = useState<RunSummaryJson[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async (before?: string) => {
    const owner = readOwner();
    setLoading(true);
    setError(null);
    try {
      const page = owner ? await fetchRunPage(owner, before) : { runs: [], nextBefore: null };
      setRuns((current) => (before ? [...current, ...page.runs] : page.runs));
      setNextBefore(page.nextBefore);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load your runs.");
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose();
      }
    };
    // Capture, so Escape closes the drawer before the page reads it as "stop the run".
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [onClose]);

  const remove = async (id: string) => {
    const owner = readOwner();
    if (!owner) return;
    try {
      await deleteRun(id, owner);
      setRuns((current) => current.filter((r) => r.id !== id));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not delete the run.");
    } finally {
      setConfirming(null);
    }
  };

  // Portalled to <body>: inside the header, whose backdrop-filter makes it the containing block of
  // `fixed` children, the drawer was clipped to the header's 56 px.
  return createPortal(
    <aside
      ref={panel}
      tabIndex={-1}
      aria-label="History"
      className="fixed inset-y-0 right-0 z-50 flex h-dvh w-full max-w-sm flex-col border-l border-line bg-surface shadow-xl outline-none"
    >
      <header className="flex items-center gap-2 border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold">Your runs</h2>
        <Button size="icon" variant="ghost" className="ml-auto" aria-label="Close history" onClick={onClose}>
          <CloseIcon size={14} />
        </Button>
      </header>
      <div className="flex-1 overflow-y-auto px-2 py-2">
        {error && (
          <p role="alert" className="mx-2 my-2 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        {!loading && runs.length === 0 && !error && (
          <p className="px-2 py-6 text-center text-sm text-muted">Runs you start in this browser appear here.</p>
        )}
        <ul aria-label="Runs" className="flex flex-col gap-1">
          {runs.map((run) => (
            <li key={run.id} className="rounded-lg px-2 py-2 hover:bg-subtle">
              <a href={`/r/${run.id}`} className="block text-sm font-medium break-words focus-visible:outline-2 focus-visible:outline-accent">
                {run.promptExcerpt || "(empty prompt)"}
              </a>
              <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                <span>{run.preset ?? run.shape}</span>
                <Badge className="text-[11px]">{STATUS_LABEL[run.status]}</Badge>
                <span>
                  {run.costUsd !== undefined
                    ? formatUsd(run.costUsd)
                    : `${formatTokens(run.usage.inputTokens + run.usage.outputTokens)} ${plural(run.usage.inputTokens + run.usage.outputTokens, "token", { bare: true })}`}
                </span>
                <time dateTime={run.createdAt}>{relativeTime(run.createdAt)}</time>
                {confirming === run.id ? (
                  <span className="ml-auto flex gap-1">
                    <Button size="sm" variant="danger" onClick={() => void remove(run.id)}>
                      Confirm delete
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </span>
                ) : (
                  <Button size="sm" variant="ghost" className="ml-auto" aria-label={`Delete run: ${run.promptExcerpt}`} onClick={() => setConfirming(run.id)}>
                    Delete
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {nextBefore && (
          <div className="flex justify-center py-2">
            <Button size="sm" disabled={loading} onClick={() => void load(nextBefore)}>
              Load more
            </Button>
          </div>
        )}
        {loading && <p className="py-2 text-center text-xs text-muted">Loading…</p>}
      </div>
    </aside>,
    document.body,
  );
}

/** The header button that opens the history sidebar. */
export function HistoryToggle({ refreshKey }: { refreshKey?: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <Button ref={button} size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        History
      </Button>
      {open && <HistoryPanel onClose={close} refreshKey={refreshKey} />}
    </>
  );
}
