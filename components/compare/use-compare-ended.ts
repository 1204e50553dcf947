"use client";

import { useSyncExternalStore } from "react";
import { isActive, type RunStoreApi } from "@/lib/client/run-store";
import type { VariantSpec } from "@/lib/experiments/types";

type Column = { variant: VariantSpec; store: RunStoreApi };

/** A run's finished answer, under the label of its column. */
export interface ComparedAnswer {
  runId: string;
  label: string;
  text: string;
}

/** Whether any column still runs, and the finished answers once none does (for the judge). */
export function useCompareEnded(columns: Column[]): { running: boolean; answers: ComparedAnswer[] } {
  // A string snapshot keeps identity while nothing relevant changes, so deltas do not re-render the page.
  const snapshot = useSyncExternalStore(
    (notify) => {
      const unsubscribes = columns.map(({ store }) => store.subscribe(notify));
      return () => unsubscribes.forEach((u) => u());
    },
    () =>
      JSON.stringify(
        columns.map(({ variant, store }) => {
          const s = store.getState();
          const active = isActive(s.phase);
          return { runId: s.run.runId, label: variant.label, active, text: !active && s.run.status === "finished" ? s.run.finalText : "" };
        }),
      ),
    () => "[]",
  );
  const parsed = JSON.parse(snapshot) as Array<ComparedAnswer & { active: boolean }>;
  return { running: parsed.some((c) => c.active), answers: parsed.filter((c) => c.text.trim() !== "").map(({ runId, label, text }) => ({ runId, label, text })) };
}
