"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { readOwner } from "@/lib/client/owner";
import type { JudgedPair } from "@/lib/wire/judge";
import { useSettingsStore } from "@/lib/client/settings-store";
import { judgeWholeRuns } from "@/lib/client/verdicts";
import { JudgeControls } from "./judge-select";
import type { ComparedAnswer } from "./use-compare-ended";

/** The simulated judge scores against the simulated world's ground truth (lib/providers/sim/judge-score.ts). */
export const SIM_JUDGE_NOTE =
  "A simulated judge scores each answer against the prompt's hidden key points and wrong claims (points covered − 1.5 × wrong claims) and calls equal scores a tie. Pick a real model for real verdicts.";

/**
 * Asks a judge model which answer is better, pair by pair, each pair in both orders. The server
 * judges the runs' stored answers and keeps the verdicts, so they count on the Insights page.
 */
export function JudgePanel({ answers }: { answers: ComparedAnswer[] }) {
  const [judge, setJudge] = useState("");
  const [pairs, setPairs] = useState<JudgedPair[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const keys = useSettingsStore.getState().runKeys();
      const runs = answers.map(({ runId, label }) => ({ id: runId, label }));
      setPairs(await judgeWholeRuns(runs, { judge, keys, owner: readOwner() ?? undefined }));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The judge could not be reached.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="judge-heading" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4 shadow-xs">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="judge-heading" className="text-sm font-semibold">
          LLM judge
        </h2>
        <JudgeControls model={judge} onModelChange={setJudge} busy={busy} ready={answers.length >= 2} onJudge={() => void run()} action="Judge the answers" />
      </div>
      <p className="text-xs text-muted">
        Every pair is judged twice with the order swapped; a verdict that changes with the order counts as a tie. Judge calls are runs
        of their own: stored, costed and linked below. Verdicts are kept and feed <a href="/insights" className="text-accent hover:underline">Insights</a>.
      </p>
      {judge.startsWith("sim:") && <p className="text-xs text-muted">{SIM_JUDGE_NOTE}</p>}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
      {pairs && pairs.some((p) => p.verdict.error) && (
        <p className="text-xs text-muted">
          {pairs.filter((p) => p.verdict.error).length} unreadable: the judge failed or named no winner, so these are left out of win rates (not counted as ties).
        </p>
      )}
      {pairs && (
        <ul aria-label="Verdicts" className="flex flex-col gap-2">
          {pairs.map((p) => (
            <li key={`${p.a}|${p.b}`} className="rounded-lg border border-line p-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{p.a}</span>
                <span className="text-muted">vs</span>
                <span className="font-medium">{p.b}</span>
                {p.verdict.error ? (
                  <Badge tone="warning" className="ml-auto">
                    Unreadable: not counted
                  </Badge>
                ) : (
                  <Badge tone={p.verdict.winner === "tie" ? "neutral" : "success"} className="ml-auto">
                    {p.verdict.winner === "tie" ? "Tie" : `${p.verdict.winner === "a" ? p.a : p.b} wins`}
                  </Badge>
                )}
                {!p.verdict.consistent && !p.verdict.error && <Badge tone="warning">flipped with order</Badge>}
              </div>
              {p.verdict.error ? (
                <p className="mt-1 text-xs text-muted">No verdict: {p.verdict.error}</p>
              ) : (
                p.verdict.reasons.filter(Boolean).map((r, i) => (
                  <p key={i} className="mt-1 text-xs text-muted">
                    {i === 0 ? "As shown: " : "Swapped: "}
                    {r}
                  </p>
                ))
              )}
              <p className="mt-1 text-xs">
                {p.runIds.map((id, i) => (
                  <a key={id} href={`/r/${id}`} className="mr-3 text-accent hover:underline">
                    judge run {i + 1}
                  </a>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
