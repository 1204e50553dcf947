"use client";

import dynamic from "next/dynamic";

/**
 * The final answer and columns, code-split: they (and the markdown renderer they need) are the
 * largest part of a run page, and neither page can draw them before its run's events arrive.
 * The playground preloads them when idle; a share page as soon as it mounts, while it fetches
 * the run, so the chunk and the events travel side by side.
 */
export const preloadRunOutput = () => import("./run-output").then((m) => m.RunOutput);

export const LazyRunOutput = dynamic(preloadRunOutput, {
  // The final answer's empty frame, so the columns do not jump when it arrives.
  loading: () => <div className="h-45 rounded-2xl border border-line bg-surface shadow-sm" aria-hidden />,
});
