"use client";

import { focusColumn } from "@/lib/client/column-id";
import { shortModel } from "@/lib/client/model-view";
import { ANALYSIS_SECTIONS, type Finding } from "@/lib/moa/methods/analysis-schema";
import type { RunState } from "@/lib/moa/run-state";

const SECTIONS: Record<(typeof ANALYSIS_SECTIONS)[number], { label: string; explain: string; cell: string; dot: string }> = {
  consensus: { label: "Consensus", explain: "most answers say it", cell: "bg-emerald-500/70", dot: "bg-emerald-500" },
  contradictions: { label: "Contradictions", explain: "answers disagree here", cell: "bg-red-500/70", dot: "bg-red-500" },
  unique: { label: "Unique insights", explain: "only one answer has it", cell: "bg-sky-500/70", dot: "bg-sky-500" },
  blindSpots: { label: "Blind spots", explain: "every answer missed it", cell: "bg-amber-400/70", dot: "bg-amber-400" },
};

interface Input {
  n: number;
  layer: number;
  agent: number;
  model: string;
}

/** The Fusion analysis of a run: its step, and the answers its numbers point at. */
export function fusionAnalysisOf(run: RunState) {
  const step = run.steps?.findLast((s) => s.step === "analysis" && s.analysis);
  if (!step?.analysis) return undefined;
  const inputs: Input[] = (step.inputs ?? []).map((ref, i) => ({ n: i + 1, ...ref, model: run.agents[ref.layer]?.[ref.agent]?.model ?? "" }));
  return { analysis: step.analysis, inputs };
}

function FindingRow({ finding, section, inputs }: { finding: Finding; section: keyof typeof SECTIONS; inputs: Input[] }) {
  const style = SECTIONS[section];
  const columns = { gridTemplateColumns: `minmax(12rem, 22rem) repeat(${inputs.length}, 2.25rem)` };
  return (
    <div role="row" className="grid items-center gap-px" style={columns}>
      <div role="rowheader" className="flex items-start gap-2 px-2 py-1">
        <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${style.dot}`} />
        <span className="min-w-0">
          <span className="sr-only">{style.label}: </span>
          {finding.text}
        </span>
      </div>
      {inputs.map((input) => {
        const cited = finding.answers.includes(input.n);
        return (
          <div role="cell" key={input.n} className="flex justify-center">
            {cited ? (
              <button
                type="button"
                onClick={() => focusColumn(input.layer, input.agent)}
                title={`${style.label}: from answer ${input.n} (Layer ${input.layer + 1} · Agent ${input.agent + 1}, ${shortModel(input.model)}). Show the answer.`}
                aria-label={`Answer ${input.n}: show Layer ${input.layer + 1} · Agent ${input.agent + 1}`}
                className={`size-6 rounded-md ${style.cell} hover:ring-2 hover:ring-accent focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none`}
              />
            ) : (
              <span className="size-6 rounded-md bg-subtle" aria-hidden="true" />
            )}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The Fusion aggregator's analysis drawn as a map: one row per finding (consensus,
 * contradictions, unique insights, blind spots), one column per answer it read; a filled
 * cell means the finding comes from that answer, and clicking it brings the answer into view.
 */
export function DisagreementMap({ run }: { run: RunState }) {
  const fusion = fusionAnalysisOf(run);
  if (!fusion) return null;
  const { analysis, inputs } = fusion;
  const columns = { gridTemplateColumns: `minmax(12rem, 22rem) repeat(${inputs.length}, 2.25rem)` };
  return (
    <section aria-labelledby="disagreement-heading" className="flex min-w-0 flex-col gap-3">
      <h3 id="disagreement-heading" className="text-sm font-semibold">
        Where the answers agree and disagree
      </h3>
      <div className="overflow-x-auto">
        <div role="table" aria-label="Disagreement map" className="flex w-max flex-col gap-1 text-xs">
          <div role="row" className="grid gap-px" style={columns}>
            <div role="columnheader" className="px-2 py-1 text-muted">
              Finding · answer →
            </div>
            {inputs.map((input) => (
              <div role="columnheader" key={input.n} className="py-1 text-center text-muted" title={`${input.model} (Layer ${input.layer + 1} · Agent ${input.agent + 1})`}>
                #{input.n}
              </div>
            ))}
          </div>
          {ANALYSIS_SECTIONS.map((section) =>
            analysis[section].length === 0 ? null : (
              <div role="rowgroup" key={section} aria-label={SECTIONS[section].label} className="flex flex-col gap-px">
                <div role="row" className="px-2 pt-2 text-[11px] font-semibold tracking-wide text-muted uppercase">
                  <span role="cell">
                    {SECTIONS[section].label} <span className="font-normal normal-case">· {SECTIONS[section].explain}</span>
                  </span>
                </div>
                {analysis[section].map((finding, i) => (
                  <FindingRow key={i} finding={finding} section={section} inputs={inputs} />
                ))}
              </div>
            ),
          )}
        </div>
      </div>
      <p className="max-w-prose text-xs text-muted">
        The final aggregator wrote this analysis before its answer (Fusion). Each row is a finding, each column an answer it read; a filled
        cell says the finding comes from that answer. Click a cell to see the answer.
      </p>
    </section>
  );
}
