"use client";

import { useEffect, useState } from "react";
import { readOwner } from "@/lib/client/owner";
import { fetchInsights, type InsightsJson } from "@/lib/client/verdicts";

export type InsightsLoad = { kind: "loading" } | { kind: "ready"; insights: InsightsJson } | { kind: "error"; message: string };

const NOTHING_YET: InsightsJson = { setups: [], verdicts: 0 };

/** This browser's judged setups; a browser that never ran anything has none. */
export function useInsights(): InsightsLoad {
  const [load, setLoad] = useState<InsightsLoad>({ kind: "loading" });
  useEffect(() => {
    const owner = readOwner();
    if (!owner) return setLoad({ kind: "ready", insights: NOTHING_YET });
    const abort = new AbortController();
    fetchInsights(owner, abort.signal).then(
      (insights) => setLoad({ kind: "ready", insights }),
      (error) => {
        if (!abort.signal.aborted) setLoad({ kind: "error", message: error instanceof Error ? error.message : "Could not load your judged runs." });
      },
    );
    return () => abort.abort();
  }, []);
  return load;
}
