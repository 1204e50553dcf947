"use client";

import { useMemo } from "react";
import { useStore } from "zustand";
import { formatMs, formatTflops, formatTokens, formatUsd } from "@/lib/client/format";
import { runStatusLabel } from "@/components/run/run-status";
import { Badge } from "@/components/ui/badge";
import { SpinnerIcon } from "@/components/ui/icons";
import { MarkdownText } from "@/components/ui/markdown";
import { runFigures } from "@/lib/analysis/cost";
import type { RunStoreApi } from "@/lib/client/run-store";
import type { VariantSpec } from "@/lib/experiments/types";
import { rankerPick, rankerPickLabel } from "@/lib/moa/variants/ranker-pick";
import { answerIsFinalAgentText } from "@/lib/moa/methods/schema";
import { lookupModel } from "@/lib/providers/catalog";
import { hasEnded } from "@/lib/moa/run-state";

/** One variant of a comparison: its answer as it streams, its status and its figures. */
export function VariantColumn({ variant, store }: { variant: VariantSpec; store: RunStoreApi }) {
  const run = useStore(store, (s) => s.run);
  const phase = useStore(store, (s) => s.phase);
  const error = useStore(store, (s) => s.error);
  const { label, tone } = runStatusLabel(run.status, phase);
  const busy = phase === "starting" || run.status === "running";
  const ended = hasEnded(run.status);
  // While the final agent streams, show its text; a ranker's (USC's, Fusion's) answer appears when it is done.
  const picks = variant.variant === "ranker" || !answerIsFinalAgentText(variant.config.method);
  const text = run.finalText || (picks ? "" : (run.agents.at(-1)?.[0]?.text ?? ""));
  const figures = useMemo(() => (ended ? runFigures(run, lookupModel).total : undefined), [ended, run]);
  const picked = picks && ended ? rankerPick(run) : null;

  return (
    <section aria-label={variant.label} className="flex min-w-0 flex-col gap-2 rounded-2xl border border-line bg-surface p-3 shadow-xs">
      <header className="flex items-center gap-2">
        <h3 className="truncate text-sm font-semibold" title={variant.label}>
          {variant.label}
        </h3>
        <Badge tone={tone} className="ml-auto" role="status">
          {busy && <SpinnerIcon size={11} />}
          {label}
        </Badge>
      </header>
      {error && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{error}</p>}
      {run.error && <p className="text-xs text-red-700 dark:text-red-300">{run.error}</p>}
      {picked && (
        <p className="text-xs text-muted" data-testid="ranker-pick">
          {rankerPickLabel(picked)}
        </p>
      )}
      <div className="max-h-96 min-h-24 overflow-y-auto text-sm" aria-label={`${variant.label} answer`} aria-busy={busy}>
        {text ? <MarkdownText text={text} streaming={busy} /> : <p className="text-muted">{busy ? "Waiting for the final answer…" : "No answer."}</p>}
      </div>
      <dl className="mt-auto grid grid-cols-4 gap-1 border-t border-line pt-2 text-xs" aria-label={`${variant.label} figures`}>
        <Figure name="Tokens" value={figures ? formatTokens(figures.inputTokens + figures.outputTokens) : "–"} />
        <Figure name="Cost" value={figures ? formatUsd(figures.costUsd) + (figures.estimated ? "*" : "") : "–"} />
        <Figure name="Latency" value={ended ? formatMs(run.durationMs ?? run.t) : formatMs(run.t)} />
        <Figure name="TFLOPs" value={figures ? formatTflops(figures.tflops) + (figures.tflopsEstimated ? "*" : "") : "–"} />
      </dl>
      {run.runId && ended && (
        <a href={`/r/${run.runId}`} className="text-xs text-accent hover:underline">
          Open the full run
        </a>
      )}
    </section>
  );
}

function Figure({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt className="text-muted">{name}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
