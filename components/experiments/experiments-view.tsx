"use client";

import { useMemo, useState } from "react";
import { QualityChart } from "@/components/analysis/quality-chart";
import { SIM_JUDGE_NOTE } from "@/components/compare/judge-panel";
import { useBoardVariants } from "@/components/compare/use-board-variants";
import { AppHeader } from "@/components/layout/app-header";
import { Button } from "@/components/ui/button";
import { useSettingsHydrated } from "@/lib/client/settings-store";
import { experimentToCsv, experimentToJson, importExperiment } from "@/lib/experiments/export";
import { gridOfPlan } from "@/lib/experiments/ablation-grids";
import { answerSetOf, sideLabel } from "@/lib/experiments/answer-sets";
import { lcWinRates } from "@/lib/experiments/lc-results";
import { summarize, summarizeComparisons, variantCandidates } from "@/lib/experiments/results";
import { mathAccuracy } from "@/lib/suites/exact-match-runner";
import { hasTwoTurns, mtBenchScores } from "@/lib/suites/mt-bench-scores";
import { AblationGridTable } from "./ablation-grid-table";
import { AblationGridsCard } from "./ablation-grids-card";
import { ComparisonsTable } from "./comparisons-table";
import { ExperimentList } from "./experiment-list";
import { ExperimentSetup } from "./experiment-setup";
import { JobProgress } from "./job-progress";
import { MathAccuracy } from "./math-accuracy";
import { MtBenchScores } from "./mt-bench-scores";
import { PaperDirectionsCard } from "./paper-directions-card";
import { ReferenceTable } from "./reference-table";
import { ResultsTable } from "./results-table";
import { RunInspector } from "./run-inspector";
import { SimilarityQuality } from "./similarity-quality";
import { useExperiment } from "./use-experiment";
import { plural } from "@/lib/plural";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Experiments: a prompt set over chosen variants, judged against a reference, with results you can export. */
export function ExperimentsView() {
  useSettingsHydrated();
  const { hydrated, problem, variants } = useBoardVariants();
  const [helpOpen, setHelpOpen] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const experiment = useExperiment();
  const { plan, progress, running, done, total, summary } = experiment;
  const summaries = useMemo(() => (plan ? summarize(plan, progress) : []), [plan, progress]);
  const comparisons = useMemo(() => (plan?.comparisons ? summarizeComparisons(plan, progress) : []), [plan, progress]);
  const grid = useMemo(() => (plan ? gridOfPlan(plan) : undefined), [plan]);
  const fixedReference = plan?.reference ? answerSetOf(plan, plan.reference) : undefined;
  const lc = useMemo(() => ((grid || fixedReference) && plan ? lcWinRates(plan, progress) : new Map()), [grid, fixedReference, plan, progress]);
  const accuracy = useMemo(() => (plan?.prompts.some((p) => p.answer !== undefined) ? mathAccuracy(plan, progress) : undefined), [plan, progress]);
  const mtBench = useMemo(() => (plan && hasTwoTurns(plan) ? mtBenchScores(plan, progress) : undefined), [plan, progress]);
  const referenceLabel = plan?.comparisons ? undefined : plan?.reference ? sideLabel(plan, plan.reference) : "reference";

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = importExperiment(await file.text());
    if ("error" in result) return setImportError(result.error);
    setImportError(null);
    experiment.show(result.plan, result.progress);
  };

  return (
    <div className="min-h-dvh">
      <AppHeader helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} />
      <main className="mx-auto flex max-w-[110rem] flex-col gap-5 px-4 py-5 sm:px-6">
        <div className="flex flex-wrap items-start gap-3">
          <div>
            <h1 className="text-lg font-semibold">Experiments</h1>
            <p className="max-w-prose text-sm text-muted">
              Run a set of prompts through variants of your board and let a judge model compare each variant with a reference. An
              experiment is a job on the server: it goes on when you close the tab or the server restarts, and this page&apos;s link shows it
              to anyone (read-only). Jobs use the server&apos;s keys and models; keys pasted in Settings are never stored, so a job cannot use them.
            </p>
          </div>
          <label className="ml-auto inline-flex h-7 cursor-pointer items-center rounded-md border border-line px-2.5 text-xs font-medium hover:bg-subtle">
            Import results (JSON)
            <input type="file" accept=".json" className="sr-only" onChange={(e) => void importFile(e.target.files?.[0])} />
          </label>
        </div>
        {importError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{importError}</p>}

        <PaperDirectionsCard onStart={experiment.start} disabled={running} />
        <AblationGridsCard onStart={experiment.start} disabled={running} />
        <ExperimentList current={experiment.jobId} onOpen={experiment.open} refreshKey={`${experiment.jobId}:${summary?.status}`} />

        {!hydrated ? null : problem ? (
          <p role="alert" className="text-sm">
            {problem} <a href="/" className="text-accent hover:underline">Fix the board in the playground</a>.
          </p>
        ) : (
          <ExperimentSetup variants={variants} onStart={experiment.start} disabled={running} refreshKey={`${experiment.jobId}:${summary?.status}`} />
        )}

        {plan && (
          <section aria-label="Experiment" className="flex flex-col gap-4 rounded-2xl border border-line bg-surface p-4 shadow-xs">
            <div className="flex flex-wrap items-center gap-3">
              <h2 className="text-sm font-semibold">{plan.name}</h2>
              <span className="text-xs text-muted">
                {plural(plan.prompts.length, "prompt")} · judge {plan.judge}
              </span>
              <div className="ml-auto flex gap-2">
                {running && experiment.owner && (
                  <Button size="sm" variant="danger" onClick={experiment.stop}>
                    Stop
                  </Button>
                )}
                <Button size="sm" onClick={() => download(`${plan.id}.csv`, "text/csv", experimentToCsv(plan, progress))}>
                  Export CSV
                </Button>
                <Button size="sm" onClick={() => download(`${plan.id}.json`, "application/json", experimentToJson(plan, progress))}>
                  Export JSON
                </Button>
              </div>
            </div>
            <JobProgress summary={summary} done={done} total={total} jobId={experiment.jobId} owner={experiment.owner} />
            {plan.judge.startsWith("sim:") && <p className="text-xs text-muted">{SIM_JUDGE_NOTE}</p>}
            {experiment.error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{experiment.error}</p>}
            {accuracy && <MathAccuracy plan={plan} accuracy={accuracy} />}
            {mtBench && <MtBenchScores plan={plan} scores={mtBench} />}
            {grid && <AblationGridTable grid={grid} summaries={summaries} lc={lc} />}
            {fixedReference && <ReferenceTable reference={fixedReference} summaries={summaries} lc={lc} />}
            {comparisons.length > 0 && <ComparisonsTable comparisons={comparisons} />}
            <ResultsTable summaries={summaries} referenceLabel={referenceLabel} />
            <QualityChart
              candidates={variantCandidates(summaries)}
              noun="variant"
              yLabel={referenceLabel ? "Win rate vs reference" : "Win rate over its comparisons"}
              empty={<p className="text-sm text-muted">The chart appears once variants have runs and verdicts.</p>}
              note={
                referenceLabel
                  ? "The reference sits at 50% by definition."
                  : "A variant's win rate pools every verdict it was in, on either side: the same verdicts and the same count as Insights."
              }
            />
            <SimilarityQuality plan={plan} progress={progress} />
          </section>
        )}
        {plan && <RunInspector plan={plan} progress={progress} />}
      </main>
    </div>
  );
}
