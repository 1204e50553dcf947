"use client";

import { useState } from "react";
import { QualityChart } from "@/components/analysis/quality-chart";
import { AppHeader } from "@/components/layout/app-header";
import { SetupsTable } from "./setups-table";
import { useInsights } from "./use-insights";
import { plural } from "@/lib/plural";

function NoJudgedRuns() {
  return (
    <div className="rounded-xl border border-dashed border-line px-4 py-8 text-center text-sm text-muted">
      <p className="font-medium text-fg">No judged runs yet.</p>
      <p className="mx-auto mt-1 max-w-prose">
        Points come from judged comparisons. Open{" "}
        <a href="/compare" className="text-accent hover:underline">
          Compare
        </a>
        , run two or more variants of your board on a prompt, then press <strong>Judge the answers</strong>, or run the paper directions in{" "}
        <a href="/experiments" className="text-accent hover:underline">
          Experiments
        </a>
        . Every setup you compared
        becomes a point here; compare more prompts to tighten its interval.
      </p>
    </div>
  );
}

/** Quality against cost across this browser's judged runs: the paper's Figure 5 for your own setups. */
export function InsightsView() {
  const [helpOpen, setHelpOpen] = useState(false);
  const load = useInsights();

  return (
    <div className="min-h-dvh">
      <AppHeader helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} />
      <main className="mx-auto flex max-w-[110rem] flex-col gap-5 px-4 py-5 sm:px-6">
        <div>
          <h1 className="text-lg font-semibold">Insights</h1>
          <p className="max-w-prose text-sm text-muted">
            What your own runs say about Mixture-of-Agents: which setups the judge preferred, and what they cost. Only runs started in this
            browser and judged here count.
          </p>
        </div>
        <section aria-label="Quality vs cost" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 shadow-xs">
          {load.kind === "loading" && (
            <p role="status" className="text-sm text-muted">
              Loading your judged runs…
            </p>
          )}
          {load.kind === "error" && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {load.message}
            </p>
          )}
          {load.kind === "ready" && (
            <>
              <QualityChart
                candidates={load.insights.setups}
                noun="setup"
                yLabel="Judged win rate"
                empty={<NoJudgedRuns />}
                note={`Quality is the judge's win rate of a setup's answers against the answers it was compared with in Compare and Experiments (${plural(load.insights.verdicts, "verdict")}; unreadable ones are left out and counted apart), so it is relative to what you compared it with.`}
              />
              {load.insights.setups.length > 0 && <SetupsTable setups={load.insights.setups} />}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
