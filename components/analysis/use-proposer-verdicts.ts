"use client";

import { useCallback, useEffect, useState } from "react";
import { readOwner } from "@/lib/client/owner";
import { useSettingsStore } from "@/lib/client/settings-store";
import { fetchProposerVerdicts, judgeRunProposers } from "@/lib/client/verdicts";
import type { ProposerVerdictJson } from "@/lib/verdicts/verdict";

export type VerdictsLoad = { kind: "loading" } | { kind: "ready"; verdicts: ProposerVerdictJson[] } | { kind: "error"; message: string };

const messageOf = (error: unknown, fallback: string) => (error instanceof Error && error.message ? error.message : fallback);

/** The stored verdicts on a run's proposers, loaded when the run is shown, and the action that judges them anew. */
export function useProposerVerdicts(runId: string) {
  const [load, setLoad] = useState<VerdictsLoad>({ kind: "loading" });
  const [judging, setJudging] = useState(false);
  const [judgeError, setJudgeError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ kind: "loading" });
    fetchProposerVerdicts(runId, abort.signal).then(
      (verdicts) => setLoad({ kind: "ready", verdicts }),
      (error) => {
        if (!abort.signal.aborted) setLoad({ kind: "error", message: messageOf(error, "Could not load the stored verdicts.") });
      },
    );
    return () => abort.abort();
  }, [runId]);

  const judge = useCallback(
    async (model: string) => {
      setJudging(true);
      setJudgeError(null);
      try {
        const keys = useSettingsStore.getState().runKeys();
        const fresh = await judgeRunProposers(runId, { judge: model, keys, owner: readOwner() ?? undefined });
        // The server replaced this judge's earlier verdicts; other judges' stay.
        setLoad((current) => ({ kind: "ready", verdicts: [...(current.kind === "ready" ? current.verdicts.filter((v) => v.judge !== model) : []), ...fresh] }));
      } catch (error) {
        setJudgeError(messageOf(error, "The judge could not be reached."));
      } finally {
        setJudging(false);
      }
    },
    [runId],
  );

  return { load, judging, judgeError, judge };
}
