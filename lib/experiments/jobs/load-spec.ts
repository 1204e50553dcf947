import "server-only";
import type { Database } from "@/lib/db/client";
import { processGlobal } from "@/lib/process-global";
import { experimentSpecSchema, type ExperimentSpec } from "./spec";
import { experimentStatus, findExperiment, type ExperimentStatus } from "./store";

export interface LoadedExperiment {
  spec: ExperimentSpec;
  ownerSecretHash: string;
  status: ExperimentStatus;
}

/** A spec never changes once stored: parse an 805-prompt spec once per process, not once per unit. */
const specs = processGlobal("experimentSpecs", () => new Map<string, Omit<LoadedExperiment, "status">>());
const MAX_CACHED = 50;
/** Status is read again after this long: a cancel reaches every instance's workers within it. */
const STATUS_TTL_MS = 1_000;
const statuses = processGlobal("experimentStatuses", () => new Map<string, { status: ExperimentStatus | undefined; at: number }>());

/** This process ended the experiment (cancel, delete, budget): its own workers stop at once, not a second later. */
export function forgetStatus(id: string): void {
  statuses.delete(id);
}

async function currentStatus(db: Database, id: string): Promise<ExperimentStatus | undefined> {
  const known = statuses.get(id);
  if (known && Date.now() - known.at < STATUS_TTL_MS) return known.status;
  const status = await experimentStatus(db, id);
  if (statuses.size >= MAX_CACHED) statuses.delete(statuses.keys().next().value!);
  statuses.set(id, { status, at: Date.now() });
  return status;
}

/** The experiment's spec (cached) and its status (at most a second old). */
export async function loadSpec(db: Database, id: string): Promise<LoadedExperiment | undefined> {
  const cached = specs.get(id);
  if (cached) {
    const status = await currentStatus(db, id);
    return status && { ...cached, status };
  }
  const row = await findExperiment(db, id);
  if (!row) return undefined;
  const parsed = experimentSpecSchema.safeParse(row.spec);
  if (!parsed.success) {
    console.error(`experiment ${id}: its stored spec no longer parses`, parsed.error.issues.slice(0, 3));
    return undefined;
  }
  if (specs.size >= MAX_CACHED) specs.delete(specs.keys().next().value!);
  const entry = { spec: parsed.data, ownerSecretHash: row.ownerSecretHash };
  specs.set(id, entry);
  return { ...entry, status: row.status as ExperimentStatus };
}
