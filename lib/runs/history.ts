import "server-only";
import { z } from "zod";
import { promptExcerpt, runShape } from "./run-summary";
import { AppError } from "@/lib/errors";
import { isTerminal, type RunEvent } from "@/lib/moa/events";
import { hasEnded } from "@/lib/moa/run-state";
import { stateOfExport, toRunExport, type RunExport } from "./export";
import { interruptedEvent } from "./interrupted";
import { registry } from "./process/registry";
import { hashOwnerSecret, newOwnerSecret } from "@/lib/security/owner";
import { isRunId, newRunId } from "./ids";
import type { RunSummary } from "./run-store";
import { assertRunOwner } from "./run-access";
import { getRunStore } from "./store";

/** "My runs": listing, deleting, exporting and importing, keyed by the browser's owner secret. */

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  before: z.iso.datetime({ offset: true }).optional(),
});

export interface RunSummaryJson extends Omit<RunSummary, "createdAt"> {
  createdAt: string;
}

export interface RunPage {
  runs: RunSummaryJson[];
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: string | null;
}

export async function listOwnerRuns(ownerHash: string, query: z.infer<typeof listQuerySchema>): Promise<RunPage> {
  const store = await getRunStore();
  const runs = await store.listRuns([ownerHash], {
    limit: query.limit,
    ...(query.before && { before: new Date(query.before) }),
  });
  const json = runs.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return { runs: json, nextBefore: runs.length === query.limit ? (json.at(-1)?.createdAt ?? null) : null };
}

/** Only the browser that created a run may delete it (a 403 otherwise); a run in progress must be stopped first. */
export async function deleteOwnedRun(id: string, ownerSecret: string | undefined): Promise<void> {
  let run = await findRun(id);
  await assertRunOwner(id, ownerSecret, "delete");
  // Viewers see the terminal event before this process has stored the outcome: a run that has
  // ended here is not "in progress", so wait the moment it takes to store its end.
  const execution = registry.executions.get(id);
  if (execution && registry.liveRuns.get(id)?.ended) {
    await execution;
    run = await findRun(id);
  }
  if (!hasEnded(run.status)) {
    throw new AppError("conflict:run_active", "This run is still in progress; stop it before deleting it.");
  }
  const store = await getRunStore();
  // Gone between the check and now (deleted by a second click): as if it never existed.
  if (!(await store.deleteRun(id, hashOwnerSecret(ownerSecret ?? "")))) throw new AppError("not_found:run", "No run has this id.");
  // Finished runs linger in memory for late viewers; a deleted one must not.
  registry.liveRuns.delete(id);
}

/** The stored run, or a 404. */
export async function findRun(id: string) {
  if (!isRunId(id)) throw new AppError("not_found:run", "No run has this id.");
  const store = await getRunStore();
  const run = await store.getRun(id);
  if (!run) throw new AppError("not_found:run", "No run has this id.");
  return run;
}

export async function getRunExport(id: string): Promise<RunExport> {
  const run = await findRun(id);
  const store = await getRunStore();
  return toRunExport(run, await store.getEvents(id));
}

const IMPORT_CHUNK = 500;

/** Stores an exported run as a new run with a new id, owned by `owner` (made when absent). */
export async function importRunExport(record: RunExport, owner?: string): Promise<{ id: string; owner: string }> {
  const store = await getRunStore();
  const id = newRunId();
  const secret = owner ?? newOwnerSecret();
  const events: RunEvent[] = record.events.map((e) => ({ ...e, runId: id }));
  // A run exported while it was still going never ends by itself: close it as a restart would.
  const last = events.at(-1);
  if (!last || !isTerminal(last)) events.push(interruptedEvent(id, events, "exported before the run ended"));
  await store.createRun({
    id,
    ownerSecretHash: hashOwnerSecret(secret),
    config: record.run.config,
    messages: record.run.messages,
    ...(record.run.preset !== undefined && { preset: record.run.preset }),
    createdAt: new Date(),
  });
  for (let i = 0; i < events.length; i += IMPORT_CHUNK) await store.appendEvents(id, events.slice(i, i + IMPORT_CHUNK));
  const state = stateOfExport({ ...record, run: { ...record.run, id }, events });
  await store.finishRun(id, {
    status: hasEnded(state.status) ? state.status : "interrupted",
    finalText: state.finalText || record.run.finalText,
    usage: state.status === "finished" ? state.usage : record.run.usage,
    durationMs: state.durationMs ?? state.t,
    ...(state.error !== undefined && { error: state.error }),
  });
  return { id, owner: secret };
}

export interface ShareMeta {
  title: string;
  description: string;
}

/** What a pasted share link previews: the prompt, the shape, the models, the status. */
export async function getShareMeta(id: string): Promise<ShareMeta | null> {
  if (!isRunId(id)) return null;
  const store = await getRunStore();
  const run = await store.getRun(id);
  if (!run) return null;
  const models = [...new Set(run.config.layers.flatMap((l) => l.agents.map((a) => a.model)))];
  const shown = models.slice(0, 4).join(", ") + (models.length > 4 ? ` and ${models.length - 4} more` : "");
  const excerpt = promptExcerpt(run.messages) || "A Mixture-of-Agents run";
  const title = excerpt.length > 70 ? `${excerpt.slice(0, 69).trimEnd()}…` : excerpt;
  return {
    title,
    description: `MoA ${runShape(run.config)} · ${shown} · ${run.status}`,
  };
}
