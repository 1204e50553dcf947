import "server-only";
import { AppError } from "@/lib/errors";
import { hashOwnerSecret, notTheOwner } from "@/lib/security/owner";
import { isRunId } from "./ids";
import { getRunStore } from "./store";

/** What the caller may do with a run: a share link reads; the owner secret also changes. */
export type RunAccess = "owner" | "read";

const noSuchRun = () => new AppError("not_found:run", "No run has this id.");

/** "owner" when `ownerSecret` is the one the run was started with; a 404 when there is no such run. */
export async function runAccess(runId: string, ownerSecret: string | undefined): Promise<RunAccess> {
  if (!isRunId(runId)) throw noSuchRun();
  const hash = await (await getRunStore()).getOwnerHash(runId);
  if (hash === null) throw noSuchRun();
  return ownerSecret !== undefined && hashOwnerSecret(ownerSecret) === hash ? "owner" : "read";
}

/**
 * For every route that changes a run (cancel, continue, judge-and-store, delete): a 404 when
 * the run does not exist, a 403 `forbidden:owner` unless the caller holds its owner secret.
 */
export async function assertRunOwner(runId: string, ownerSecret: string | undefined, action: string): Promise<void> {
  if ((await runAccess(runId, ownerSecret)) !== "owner") throw notTheOwner(action);
}
