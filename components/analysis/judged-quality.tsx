"use client";

import { useMemo, useState } from "react";
import { SIM_JUDGE_NOTE } from "@/components/compare/judge-panel";
import { JudgeControls } from "@/components/compare/judge-select";
import { useRunAccess } from "@/components/share/run-access";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import { SpinnerIcon } from "@/components/ui/icons";
import { judgeableProposers, MIN_PROPOSERS_TO_JUDGE, proposerQuality, type QualityCorrelation } from "@/lib/analysis/proposer-quality";
import type { SimilarityRow } from "@/lib/analysis/similarity";
import { displayName, shortModel } from "@/lib/client/model-view";
import { MAX_JUDGE_ANSWERS } from "@/lib/wire/judge";
import type { AgentState, RunState } from "@/lib/moa/run-state";
import { METRICS, type Metric } from "./metric-switch";
import { useAttribution } from "./use-attribution";
import { useProposerVerdicts } from "./use-proposer-verdicts";
import { plural } from "@/lib/plural";

const METRIC_ORDER = Object.keys(METRICS) as Metric[];

const signed = (value: number) => value.toFixed(2).replace("-", "−");

function Rho({ metric, correlation }: { metric: Metric; correlation: QualityCorrelation }) {
  const { rho, n } = correlation;
  return (
    <li>
      <span className="text-muted">{METRICS[metric].label}:</span>{" "}
      {rho === undefined ? (
        <span>
          Spearman ρ undefined (n = {n}): {n < 2 ? "too few judged proposers" : "every proposer has the same win rate or the same similarity"}
        </span>
      ) : (
        <span className="font-semibold tabular-nums">
          Spearman ρ = {signed(rho)} (n = {n})
        </span>
      )}
    </li>
  );
}

/**
 * The final answer's similarity to each of `proposers`, taken from the heatmap's row for the
 * final aggregator so both views show the same numbers; undefined while it is computed.
 */
function useFinalSimilarity(run: RunState, proposers: AgentState[]): SimilarityRow | undefined {
  const rows = useAttribution(run);
  return useMemo(() => {
    const final = rows?.find((row) => row.layer === run.agents.length - 1 && row.agent === 0);
    if (!final) return undefined;
    const column = proposers.map((p) => final.inputs.findIndex((input) => input.agent === p.agent));
    const pick = (values: number[]) => column.map((i) => values[i] ?? 0);
    return { bleu: pick(final.bleu), tfidf: pick(final.tfidf), levenshtein: pick(final.levenshtein) };
  }, [rows, proposers, run.agents.length]);
}

/**
 * The paper's check inside one run: a judge ranks the answers the final aggregator received,
 * and ρ says whether the final answer is closest to the ones the judge rated higher.
 */
export function JudgedQuality({ run }: { run: RunState }) {
  const proposers = useMemo(() => judgeableProposers(run), [run]);
  const similarity = useFinalSimilarity(run, proposers);
  const { load, judging, judgeError, judge } = useProposerVerdicts(run.runId);
  const [model, setModel] = useState("");
  const [chosenJudge, setChosenJudge] = useState<string | null>(null);

  const verdicts = load.kind === "ready" ? load.verdicts : [];
  const judges = [...new Set(verdicts.map((v) => v.judge))];
  const shownJudge = chosenJudge && judges.includes(chosenJudge) ? chosenJudge : judges.at(-1);
  const table = useMemo(() => {
    if (!shownJudge || !similarity) return null;
    const pairs = verdicts.filter((v) => v.judge === shownJudge).map((v) => ({ a: v.a.agent, b: v.b.agent, winner: v.winner, unreadable: v.error !== undefined }));
    return proposerQuality(proposers.map((a) => a.agent), similarity, pairs);
  }, [verdicts, shownJudge, proposers, similarity]);

  const finished = run.status === "finished";
  const judged = Math.min(proposers.length, MAX_JUDGE_ANSWERS);
  const pairCount = (judged * (judged - 1)) / 2;
  const canJudge = finished && proposers.length >= MIN_PROPOSERS_TO_JUDGE;
  // Stored verdicts are shown to everyone with the link, so only the run's owner may replace them.
  const owner = useRunAccess() === "owner";
  const modelOf = new Map(proposers.map((a) => [a.agent, a.model]));
  const unreadable = shownJudge ? verdicts.filter((v) => v.judge === shownJudge && v.error !== undefined).length : 0;

  const start = async () => {
    setChosenJudge(model);
    await judge(model);
  };

  return (
    <section aria-labelledby="judged-quality-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="judged-quality-heading" className="text-sm font-semibold">
          Judged quality
        </h3>
        {canJudge && owner && <JudgeControls model={model} onModelChange={setModel} busy={judging} onJudge={() => void start()} action="Judge the proposers" />}
      </div>
      {canJudge && !owner && <p className="text-xs text-muted">Only the browser that made this run can judge its proposers; a share link shows the verdicts already stored.</p>}
      {!finished ? (
        <p className="text-sm text-muted">Only a finished run can be judged: this one is {run.status}.</p>
      ) : !canJudge ? (
        <p className="text-sm text-muted">
          The final aggregator received {plural(proposers.length, "answer")}; judging needs at least {MIN_PROPOSERS_TO_JUDGE} to give a
          meaningful ρ. Run a board with three or more proposers in the layer before the final aggregator.
        </p>
      ) : (
        proposers.length > MAX_JUDGE_ANSWERS && <p className="text-xs text-muted">The judge compares the first {MAX_JUDGE_ANSWERS} answers.</p>
      )}
      <div aria-live="polite" className="text-sm">
        {judging && (
          <p className="flex items-center gap-2 text-muted">
            <SpinnerIcon size={12} /> Judging {pairCount} pairs in both orders ({pairCount * 2} judge runs)…
          </p>
        )}
      </div>
      {judgeError && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{judgeError}</p>}
      {load.kind === "loading" && <p className="text-xs text-muted">Loading stored verdicts…</p>}
      {load.kind === "error" && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{load.message}</p>}
      {table && shownJudge && (
        <>
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
            {judges.length > 1 ? (
              <label className="flex items-center gap-2">
                Verdicts of
                <select value={shownJudge} onChange={(e) => setChosenJudge(e.target.value)} className="h-7 rounded-md border border-line bg-surface px-2 text-fg">
                  {judges.map((j) => (
                    <option key={j} value={j}>
                      {displayName(j)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span>Judged by {displayName(shownJudge)}</span>
            )}
            {shownJudge.startsWith("sim:") && <span>· {SIM_JUDGE_NOTE}</span>}
            {unreadable > 0 && <span>· {unreadable} unreadable (the judge named no winner): left out of the win rates</span>}
          </div>
          <FiguresTable
            label="Proposer win rates and similarity to the final answer"
            className="min-w-[32rem] text-xs"
            headers={["Proposer", "Win rate (W–T–L)", ...METRIC_ORDER.map((metric) => METRICS[metric].label)]}
          >
            <tbody>
              {table.proposers.map((p) => (
                <tr key={p.agent} className="border-b border-line/60">
                  <td className={TD}>
                    #{p.agent + 1} {shortModel(modelOf.get(p.agent) ?? "")}
                  </td>
                  <td className={TD}>
                    {p.winRate ? `${Math.round(p.winRate.rate * 100)}% (${p.winRate.wins}–${p.winRate.ties}–${p.winRate.losses})` : "not judged"}
                  </td>
                  {METRIC_ORDER.map((metric) => (
                    <td key={metric} className={TD}>
                      {p.similarity[metric].toFixed(2)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </FiguresTable>
          <ul aria-label="Spearman correlations" className="flex flex-col gap-0.5 text-sm">
            {METRIC_ORDER.map((metric) => (
              <Rho key={metric} metric={metric} correlation={table.correlation[metric]} />
            ))}
          </ul>
        </>
      )}
      {load.kind === "ready" && !table && canJudge && !judging && <p className="text-sm text-muted">No judge has rated these proposers yet.</p>}
      <p className="max-w-prose text-xs text-muted">
        The judge compares every pair of the answers the final aggregator received, twice with the order swapped (a verdict that flips
        counts as a tie); a proposer&apos;s win rate counts a tie as half a win. ρ is Spearman&apos;s rank correlation between how similar
        the final answer is to each proposer answer and that answer&apos;s win rate: near +1, the aggregator drew most on the answers the
        judge rated best; near 0, similarity says nothing about quality; negative, it leaned on the weaker ones. The MoA paper found ρ
        positive for every aggregator and layer it measured, with BLEU, TF-IDF and Levenshtein alike. With a handful of proposers one
        run&apos;s ρ is noisy: read its sign, over several runs.
      </p>
    </section>
  );
}
