"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon, CopyIcon, SparkIcon } from "@/components/ui/icons";
import { LiveMarkdown } from "@/components/columns/live-markdown";
import { MethodNotes } from "@/components/columns/method-notes";
import { selectAnswerText } from "@/lib/client/agent-selectors";
import { formatMs, formatTokens, formatUsd } from "@/lib/client/format";
import { runStore, useRunStore } from "@/lib/client/run-store";
import { useRunTotals } from "./run-totals";

/** The run's answer: the final aggregator's text (a method's answer once it is known), live while it streams, past React as a column's. */
export function FinalAnswer() {
  const hasText = useRunStore((s) => selectAnswerText(s) !== "");
  const status = useRunStore((s) => s.run.status);
  const finalStatus = useRunStore((s) => s.run.agents.at(-1)?.[0]?.status);
  const error = useRunStore((s) => s.run.error);
  const [copied, setCopied] = useState(false);
  const streaming = finalStatus === "streaming";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(selectAnswerText(runStore.getState()));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // clipboard blocked (insecure context): the text stays selectable
    }
  };

  return (
    <section
      role="region"
      aria-label="Final answer"
      aria-busy={status === "running"}
      className={cn(
        "overflow-hidden rounded-2xl border bg-surface shadow-sm",
        status === "finished" ? "border-accent/40" : "border-line",
      )}
    >
      <header className="flex items-center gap-2 border-b border-line bg-gradient-to-r from-accent/8 to-transparent px-4 py-2.5">
        <SparkIcon className="text-accent" />
        <h2 className="text-sm font-semibold">Final answer</h2>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={copy} disabled={!hasText} aria-label="Copy final answer">
          {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
          <span aria-hidden="true">{copied ? "Copied" : "Copy"}</span>
        </Button>
      </header>
      <MethodNotes />
      <div className="min-h-24 px-4 py-3.5">
        {hasText ? (
          <div data-testid="final-text">
            <LiveMarkdown select={selectAnswerText} streaming={streaming} className="text-[15px]" />
          </div>
        ) : (
          <p className="text-sm text-muted">
            {status === "running" ? "The final aggregator writes here once the earlier layers have answered." : status === "pending" ? "Starting…" : "No final answer."}
          </p>
        )}
        {error && status !== "finished" && (
          <p className="mt-3 text-sm text-muted">
            <span className="font-medium text-fg">{status === "cancelled" ? "Stopped" : status === "failed" ? "Run failed" : "Run interrupted"}:</span> {error}
          </p>
        )}
      </div>
      <RunTotalsFooter />
    </section>
  );
}

/** Its own component: the live token count changes every frame, the answer above it does not. */
function RunTotalsFooter() {
  const totals = useRunTotals();
  return (
    <footer className="flex flex-wrap gap-x-4 gap-y-1 border-t border-line bg-subtle/50 px-4 py-2 text-xs text-muted tabular-nums">
      <span>
        <span className="text-fg/80">{formatTokens(totals.inputTokens)}</span> in · <span className="text-fg/80">{totals.estimatedTokens ? "~" : ""}{formatTokens(totals.outputTokens)}</span> out tokens
      </span>
      <span>
        <span className="text-fg/80">{formatMs(totals.durationMs)}</span> total
      </span>
      {totals.costUsd !== undefined && (
        <span>
          <span className="text-fg/80">{formatUsd(totals.costUsd)}</span> est. cost
        </span>
      )}
    </footer>
  );
}
