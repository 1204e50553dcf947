"use client";

import { useMemo, useState } from "react";
import { MetricSwitch, type Metric } from "@/components/analysis/metric-switch";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import { receivedCorrelation, type RhoGroup } from "@/lib/experiments/correlation";
import type { ExperimentPlan, ExperimentProgress } from "@/lib/experiments/types";
import { receivedVariants } from "@/lib/experiments/types";

const signed = (x: number) => x.toFixed(2).replace("-", "−");

function Row({ group }: { group: RhoGroup }) {
  const s = group.summary;
  return (
    <tr className="border-b border-line last:border-0">
      <td className={TD}>{group.label}</td>
      <td className={`${TD} font-semibold`}>{s ? signed(s.mean) : "–"}</td>
      <td className={TD}>{s?.low !== undefined && s.high !== undefined ? `${signed(s.low)} … ${signed(s.high)}` : "–"}</td>
      <td className={TD}>
        {group.perPrompt.length}
        {group.undefinedPrompts > 0 && <span className="text-muted"> (+{group.undefinedPrompts} undefined)</span>}
      </td>
    </tr>
  );
}

/** Does each aggregator resemble the received answers the judge rated higher? Mean per-prompt ρ, per layer and per aggregator. */
export function SimilarityQuality({ plan, progress }: { plan: ExperimentPlan; progress: ExperimentProgress }) {
  const [metric, setMetric] = useState<Metric>("bleu");
  const result = useMemo(() => receivedCorrelation(plan, progress, metric), [plan, progress, metric]);
  if (receivedVariants(plan).length === 0) return null;
  const headers = ["", "Mean ρ", "95% CI (t)", "Prompts"];
  return (
    <section aria-label="Similarity and judged quality" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h3 className="font-semibold">Similarity vs judged quality of the answers each aggregator received</h3>
        <MetricSwitch value={metric} onChange={setMetric} className="ml-auto" />
      </div>
      <FiguresTable label="ρ per layer" className="min-w-[36rem] text-sm [&_thead]:text-xs" headers={["Layer", ...headers.slice(1)]}>
        <tbody>
          {result.byLayer.map((g) => (
            <Row key={g.id} group={g} />
          ))}
        </tbody>
      </FiguresTable>
      <FiguresTable label="ρ per aggregator model" className="min-w-[36rem] text-sm [&_thead]:text-xs" headers={["Aggregator", ...headers.slice(1)]}>
        <tbody>
          {result.byAggregator.map((g) => (
            <Row key={g.id} group={g} />
          ))}
        </tbody>
      </FiguresTable>
      {result.unreadable > 0 && <p className="text-xs text-muted">{result.unreadable} unreadable verdicts on received answers, left out of their win rates.</p>}
      <p className="max-w-prose text-xs text-muted">
        In every run, the judge compares each pair of the answers an aggregating layer received (both orders); an answer&apos;s quality is
        its win rate among them. ρ is Spearman&apos;s rank correlation, inside that run, between how similar the aggregator&apos;s answer is
        to each answer it received and that answer&apos;s quality; the table gives the mean over prompts with a 95% t-interval (prompts are
        the independent units; pooling answers of different prompts can reverse the sign). Positive: aggregators lean on the better
        answers, as the paper found (Figure 4b).
      </p>
    </section>
  );
}
