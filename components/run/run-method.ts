import type { MoAConfig } from "@/lib/moa/config";
import { METHODS } from "@/lib/moa/methods/catalog";
import type { MethodKind } from "@/lib/moa/methods/schema";

/** How the board runs from the playground: as built, or under one of the library's methods. */
export type RunMethod = MethodKind;

export const RUN_METHODS: { id: RunMethod; label: string; hint: string }[] = METHODS.map((m) => ({
  id: m.kind,
  label: m.label,
  hint: `${m.idea} (${m.citation})`,
}));

export interface MethodRun {
  config: MoAConfig;
}

/**
 * The config a method runs: the board reshaped where the method needs it (Self-MoA samples
 * the strongest proposer, the Council keeps members and chairman) with the method set. The
 * methods module and the catalog load only when one is chosen, so first load does not pay.
 */
export async function configForMethod(method: RunMethod, board: MoAConfig): Promise<MethodRun> {
  if (method === "moa") return { config: board };
  const [fromBoard, { strongestProposer }, { lookupModel }] = await Promise.all([
    import("@/lib/moa/methods/from-board"),
    import("@/lib/experiments/variants"),
    import("@/lib/providers/catalog"),
  ]);
  return { config: fromBoard.configForMethod(method, board, strongestProposer(board, lookupModel)) };
}
