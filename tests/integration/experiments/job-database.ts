import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { stopBoss } from "@/lib/experiments/jobs/boss";
import { stopExperimentWorkers } from "@/lib/experiments/jobs/worker";
import { registry } from "@/lib/runs/process/registry";

/**
 * The database and job queue of one test file: opened before its tests (PGlite and the
 * migrations can take a minute on a loaded machine), and after them the workers, the queue, the
 * runs still going and the database closed, in that order. The file sets its env in `vi.hoisted`.
 */
export function withJobDatabase(): void {
  beforeAll(async () => {
    await getDb();
  }, 180_000);

  afterAll(async () => {
    stopExperimentWorkers();
    await stopBoss();
    await Promise.all(registry.executions.values());
    await closeDb();
  });
}
