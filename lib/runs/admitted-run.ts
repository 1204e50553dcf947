import "server-only";
import { admitRun } from "./admission";
import type { RunRequest } from "@/lib/wire/run-request";
import { startRun, type StartedRun } from "./run-manager";

/**
 * Admits and starts a run for an HTTP request: the client's concurrency slot is held until the
 * run ends, and given back at once when the run cannot start.
 */
export async function startAdmittedRun(request: Request, runRequest: RunRequest): Promise<StartedRun> {
  const release = await admitRun(request, runRequest);
  try {
    return await startRun(runRequest, { onEnd: release });
  } catch (error) {
    release();
    throw error;
  }
}
