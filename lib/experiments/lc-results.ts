import { lcWinRate, type LcWinRate, type PreferenceItem } from "@/lib/analysis/lc-win-rate";
import { sideRun } from "./answer-sets";
import { comparisonsOf, unitKey, type ExperimentPlan, type ExperimentProgress } from "./types";

/** Below this many verdicts a two-parameter fit says nothing (one verdict gives 0% or 100%). */
export const MIN_LC_VERDICTS = 3;

/**
 * Length-controlled win rate of each comparison's side `a` against its side `b` (each variant
 * against the reference in a reference plan), from the stored verdicts and the answers' lengths
 * in characters (an answer set's side reads its fixed answers). Unreadable verdicts say nothing and are left out, as in the raw win rate.
 */
export function lcWinRates(plan: ExperimentPlan, progress: ExperimentProgress): Map<string, LcWinRate> {
  const out = new Map<string, LcWinRate>();
  for (const c of comparisonsOf(plan)) {
    const items: PreferenceItem[] = [];
    for (const p of plan.prompts) {
      const judgement = progress.judgements[unitKey(p.id, c.id)];
      const a = sideRun(plan, progress, p.id, c.a);
      const b = sideRun(plan, progress, p.id, c.b);
      if (!judgement || judgement.error || !a || !b) continue;
      const preference = judgement.winner === "a" ? 1 : judgement.winner === "b" ? 0 : 0.5;
      items.push({ preference, modelLength: a.text.length, baselineLength: b.text.length });
    }
    if (items.length < MIN_LC_VERDICTS) continue;
    const lc = lcWinRate(items, { resamples: 200 });
    if (lc) out.set(c.id, lc);
  }
  return out;
}
