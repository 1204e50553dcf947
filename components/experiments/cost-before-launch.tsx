"use client";

import { formatTokens, formatUsd } from "@/lib/client/format";
import { DEFAULT_ASSUMPTIONS, type CostEstimate } from "@/lib/experiments/cost-estimate";
import { plural } from "@/lib/plural";

/** The budget as typed: empty means none; anything else must be a positive number of dollars. */
export function parseBudget(text: string): { budgetUsd?: number; error?: string } {
  const trimmed = text.trim().replace(/^\$/, "");
  if (trimmed === "") return {};
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0) return { error: "The budget must be a positive amount in USD, or empty for none." };
  return { budgetUsd: value };
}

interface Props {
  estimate: CostEstimate | undefined;
  budget: string;
  onBudgetChange(text: string): void;
  disabled?: boolean;
}

/** What the experiment should cost at the catalog's prices, and the hard budget the server holds it to. */
export function CostBeforeLaunch({ estimate, budget, onBudgetChange, disabled }: Props) {
  const { error } = parseBudget(budget);
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5 rounded-lg border border-line p-2.5 text-xs" aria-label="Cost before launch">
      <label className="flex items-center gap-2 text-sm">
        <span className="text-muted">Budget (USD)</span>
        <input
          value={budget}
          onChange={(e) => onBudgetChange(e.target.value)}
          inputMode="decimal"
          placeholder="none"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby="experiment-budget-note"
          className="h-8 w-24 min-w-0 rounded-md border border-line bg-bg px-2 text-sm tabular-nums"
        />
      </label>
      {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
      <p id="experiment-budget-note" className="text-muted">
        The job stops taking new steps once it has spent this much; steps already running finish.
      </p>
      {estimate && <EstimateText estimate={estimate} />}
    </fieldset>
  );
}

function EstimateText({ estimate }: { estimate: CostEstimate }) {
  const { total, judge, unpricedModels, simulatedOnly, exactMatchVerdicts, approximated } = estimate;
  return (
    <div className="flex flex-col gap-1" aria-live="polite">
      <p className="tabular-nums">
        <span className="font-semibold">Estimated cost: {formatUsd(total.usd)}</span>
        {total.ceilingUsd > total.usd && ` (at most ${formatUsd(total.ceilingUsd)} if every answer runs to its max tokens)`} ·{" "}
        {formatTokens(total.inputTokens + total.outputTokens)} tokens in {plural(total.calls, "model call")}, of which the judge{" "}
        {formatUsd(judge.usd)} in {plural(judge.calls, "call")}
        {exactMatchVerdicts > 0 && ` (${plural(exactMatchVerdicts, "verdict")} by exact match, free)`}.
      </p>
      {simulatedOnly && <p className="text-muted">Simulated models: pretend prices, nothing is billed.</p>}
      {unpricedModels.length > 0 && (
        <p className="text-amber-800 dark:text-amber-300">No known price for {unpricedModels.join(", ")}: their tokens are counted, their cost is not.</p>
      )}
      {approximated.length > 0 && <p className="text-muted">Estimated as a layered MoA, though their method calls models differently: {approximated.join(", ")}.</p>}
      <p className="text-muted">
        Assumes prompts of about 4 characters a token, answers of about {DEFAULT_ASSUMPTIONS.answerTokens} tokens (each capped by its agent&apos;s max tokens),
        every aggregator reading all answers of the layer before, and each verdict judged twice (both orders) with a {DEFAULT_ASSUMPTIONS.judgeOutputTokens}-token reply.
      </p>
    </div>
  );
}
