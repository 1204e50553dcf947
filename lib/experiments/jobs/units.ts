import "server-only";
import { comparisonsOf, receivedVariants, type Comparison, type ExperimentPlan, type ExperimentPrompt, type VariantSpec } from "../types";

/**
 * The units of a job: a cell is one prompt answered by one variant (a stored run); a verdict is
 * one comparison judged on one prompt, due once both of its cells are done; a received analysis
 * judges the answers a cell's aggregators received (for the similarity–quality ρ), due with the
 * cell. An MT-Bench prompt (one with a `followUp`) adds, per variant, its second turn (a run
 * whose conversation carries the first turn's answer, due with the first cell) and a 1–10
 * grade of each turn (due with the turn it grades). Keys use the prompt's index, so they stay
 * short and unique whatever the prompt ids look like.
 */
export type UnitKind = "cell" | "verdict" | "received" | "turn2" | "grade1" | "grade2";

/** Units of a variant on an MT-Bench prompt beyond its first cell: the second turn and both grades. */
export const FOLLOW_UP_KINDS = ["turn2", "grade1", "grade2"] as const;

export interface UnitRef {
  kind: UnitKind;
  promptIndex: number;
  /** The variant of a cell or a received analysis, the comparison of a verdict. */
  subjectId: string;
}

export function unitKeyOf({ kind, promptIndex, subjectId }: UnitRef): string {
  return `${kind}:${promptIndex}:${subjectId}`;
}

export function parseUnitKey(key: string): UnitRef | undefined {
  const match = /^(cell|verdict|received|turn2|grade1|grade2):(\d+):(.+)$/.exec(key);
  return match ? { kind: match[1] as UnitKind, promptIndex: Number(match[2]), subjectId: match[3] } : undefined;
}

export function totalUnits(plan: ExperimentPlan): number {
  const twoTurn = plan.prompts.filter((p) => p.followUp !== undefined).length;
  return plan.prompts.length * (plan.variants.length + comparisonsOf(plan).length + receivedVariants(plan).length) + twoTurn * plan.variants.length * FOLLOW_UP_KINDS.length;
}

export function allCells(plan: ExperimentPlan): UnitRef[] {
  return plan.prompts.flatMap((_, promptIndex) => plan.variants.map((v) => ({ kind: "cell" as const, promptIndex, subjectId: v.id })));
}

/** The verdicts a finished cell may have made due: the comparisons its variant is a side of. */
export function verdictsTouching(plan: ExperimentPlan, variantId: string): Comparison[] {
  return comparisonsOf(plan).filter((c) => c.a === variantId || c.b === variantId);
}

export interface ResolvedUnit {
  ref: UnitRef;
  prompt: ExperimentPrompt;
  variant?: VariantSpec;
  comparison?: Comparison;
}

/** The unit a key names in this plan, or undefined when the plan has no such unit. */
export function resolveUnit(plan: ExperimentPlan, ref: UnitRef): ResolvedUnit | undefined {
  const prompt = plan.prompts[ref.promptIndex];
  if (!prompt) return undefined;
  if (ref.kind === "turn2" || ref.kind === "grade1" || ref.kind === "grade2") {
    const variant = plan.variants.find((v) => v.id === ref.subjectId);
    return variant && prompt.followUp !== undefined ? { ref, prompt, variant } : undefined;
  }
  if (ref.kind === "cell" || ref.kind === "received") {
    const variant = (ref.kind === "cell" ? plan.variants : receivedVariants(plan)).find((v) => v.id === ref.subjectId);
    return variant && { ref, prompt, variant };
  }
  const comparison = comparisonsOf(plan).find((c) => c.id === ref.subjectId);
  return comparison && { ref, prompt, comparison };
}

/**
 * The MT-Bench units a finished unit makes due: its first turn makes the second turn and the
 * first grade due, its second turn the second grade. None on a single-turn prompt.
 */
export function followUpsDue(plan: ExperimentPlan, { kind, promptIndex, subjectId }: UnitRef): string[] {
  if (plan.prompts[promptIndex]?.followUp === undefined) return [];
  const kinds: UnitKind[] = kind === "cell" ? ["turn2", "grade1"] : kind === "turn2" ? ["grade2"] : [];
  return kinds.map((k) => unitKeyOf({ kind: k, promptIndex, subjectId }));
}
