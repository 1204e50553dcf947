"use client";

import { useMemo } from "react";
import { formatMs, formatTflops, formatTokens, formatUsd } from "@/lib/client/format";
import { cn } from "@/components/ui/cn";
import { FiguresTable, TD } from "@/components/ui/figures-table";
import { COMPUTE_ASSUMPTION, runFigures, type Figures } from "@/lib/analysis/cost";
import { shortModel } from "@/lib/client/model-view";
import type { RunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";

function Cost({ f }: { f: Figures }) {
  const unpriced = f.unpricedModels.length > 0;
  const reasoning = f.reasoningCostUsd > 0 ? `${formatUsd(f.reasoningCostUsd)} of it for reasoning tokens.` : undefined;
  const title = unpriced ? `No price known for ${f.unpricedModels.join(", ")}: the cost covers only priced models.` : undefined;
  return (
    <span title={[title, reasoning].filter(Boolean).join(" ") || undefined}>
      {formatUsd(f.costUsd)}
      {unpriced && <abbr title="estimated: some models have no known price" className="ml-0.5 text-amber-700 no-underline dark:text-amber-300">*</abbr>}
    </span>
  );
}

function Compute({ f }: { f: Figures }) {
  return (
    <span title={f.tflopsEstimated ? `No parameter count for ${f.unsizedModels.join(", ")}` : undefined}>
      {formatTflops(f.tflops)}
      {f.tflopsEstimated && <span className="ml-0.5 text-amber-700 dark:text-amber-300">*</span>}
    </span>
  );
}

/** Tokens, cost, latency and compute per agent, per layer and for the run, with the critical path marked. */
export function RunFigures({ run }: { run: RunState }) {
  const figures = useMemo(() => runFigures(run, lookupModel), [run]);
  const critical = new Set(figures.criticalPath.map((s) => `${s.layer}-${s.agent}`));
  const anyUnpriced = figures.total.unpricedModels.length > 0 || figures.total.tflopsEstimated;
  // Only runs with a reasoning model get the column: for the others it would be a row of zeros.
  const reasons = figures.total.reasoningTokens > 0;
  const reasoningCell = (f: Figures) => (reasons ? <td className={TD}>{formatTokens(f.reasoningTokens)}</td> : null);

  return (
    <section aria-labelledby="figures-heading" className="flex flex-col gap-2">
      <h3 id="figures-heading" className="text-sm font-semibold">
        Cost, latency and compute
      </h3>
      <FiguresTable
        label="Run figures"
        className="min-w-[40rem] text-xs"
        headers={["Agent", "Input tok", "Output tok", ...(reasons ? ["of which reasoning"] : []), "Cost", "TTFT", "Duration", "TFLOPs"]}
      >
        {figures.agents.map((row, layer) => (
          <tbody key={layer} className="border-b border-line">
            {row.map((a) => {
              const state = run.agents[layer][a.agent];
              const onPath = critical.has(`${layer}-${a.agent}`);
              return (
                <tr key={a.agent} className={cn(onPath && "bg-accent/10")} aria-label={onPath ? "on the critical path" : undefined}>
                  <td className={TD}>
                    <span className="text-muted">L{layer + 1}·#{a.agent + 1}</span> {shortModel(a.model)}
                    {a.status !== "done" && <span className="ml-1 text-muted">({a.status})</span>}
                    {onPath && <span className="ml-1.5 rounded-sm bg-accent px-1 text-[10px] font-semibold text-white">critical</span>}
                  </td>
                  <td className={TD}>{formatTokens(a.inputTokens)}</td>
                  <td className={TD}>{formatTokens(a.outputTokens)}</td>
                  {reasoningCell(a)}
                  <td className={TD}>
                    <Cost f={a} />
                  </td>
                  <td className={TD}>{formatMs(state?.ttftMs)}</td>
                  <td className={TD}>{formatMs(a.durationMs)}</td>
                  <td className={TD}>
                    <Compute f={a} />
                  </td>
                </tr>
              );
            })}
            <tr className="bg-subtle/60 font-medium">
              <td className={TD}>Layer {layer + 1}</td>
              <td className={TD}>{formatTokens(figures.layers[layer].inputTokens)}</td>
              <td className={TD}>{formatTokens(figures.layers[layer].outputTokens)}</td>
              {reasoningCell(figures.layers[layer])}
              <td className={TD}>
                <Cost f={figures.layers[layer]} />
              </td>
              <td className={TD} />
              <td className={TD}>{formatMs(figures.layers[layer].durationMs)}</td>
              <td className={TD}>
                <Compute f={figures.layers[layer]} />
              </td>
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr className="font-semibold">
            <td className={TD}>Run</td>
            <td className={TD}>{formatTokens(figures.total.inputTokens)}</td>
            <td className={TD}>{formatTokens(figures.total.outputTokens)}</td>
            {reasoningCell(figures.total)}
            <td className={TD}>
              <Cost f={figures.total} />
            </td>
            <td className={TD} />
            <td className={TD}>{formatMs(figures.total.durationMs)}</td>
            <td className={TD}>
              <Compute f={figures.total} />
            </td>
          </tr>
        </tfoot>
      </FiguresTable>
      <p className="max-w-prose text-xs text-muted">
        The <strong>critical</strong> agents are the ones each layer waited for last: together they set the run&apos;s latency.
        {reasons && ` Reasoning tokens are part of the output and cost ${formatUsd(figures.total.reasoningCostUsd)} of the total.`}
        {anyUnpriced && " * estimated: some models have no known price or size, so their share is left out."} {COMPUTE_ASSUMPTION}
      </p>
    </section>
  );
}
