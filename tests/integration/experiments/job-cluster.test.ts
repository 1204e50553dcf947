/**
 * One job over two `next start` instances sharing one PostgreSQL: both take cells from the same
 * pg-boss queue (SKIP LOCKED), and every cell and verdict is done exactly once.
 */
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { clusterSkipReason, createDatabase, startInstance, type Instance } from "../scale/cluster";
import { postExperiment, waitForSummary } from "./app-server";
import { alpacaPlan } from "./fixtures";

const reason = clusterSkipReason();
const OWNER = "cluster-jobs-owner-".padEnd(43, "c");
const PROMPTS = 805;

describe.skipIf(reason)(`one job, two instances, one PostgreSQL${reason ? ` [skipped: ${reason}]` : ""}`, () => {
  const spawned: Instance[] = [];
  let drop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    for (const instance of spawned) instance.kill();
    await Promise.all(spawned.map((instance) => instance.exited));
    await drop?.();
  });

  it("spreads the cells over both instances and does each unit once", async () => {
    const database = await createDatabase();
    drop = database.drop;
    const env = { MOA_JOB_CONCURRENCY: "6" };
    // One first, so the migrations (ours and pg-boss's) are applied once.
    spawned.push(await startInstance("A", database.url, env));
    spawned.push(await startInstance("B", database.url, env));
    const [a, b] = spawned;

    const { id, total } = await postExperiment(a.url, alpacaPlan(PROMPTS), OWNER);
    const done = await waitForSummary(b.url, id, (s) => s.status !== "running", 1_200_000);
    expect(done).toMatchObject({ status: "finished", done: total, total });

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const units = await client.query<{ instance: string; n: number; retaken: number }>(
        `select split_part(instance_id, ':', 1) as instance, count(*)::int as n, count(*) filter (where attempts > 1)::int as retaken
         from experiment_cells where experiment_id = $1 group by 1`,
        [id],
      );
      const byInstance = Object.fromEntries(units.rows.map((r) => [r.instance, r.n]));
      expect(Object.values(byInstance).reduce((s, n) => s + n, 0)).toBe(total);
      // Both worked on it: the job was spread, not run by the instance that received it alone.
      expect(byInstance.A).toBeGreaterThan(total * 0.1);
      expect(byInstance.B).toBeGreaterThan(total * 0.1);
      expect(units.rows.every((r) => r.retaken === 0)).toBe(true);
      const runs = await client.query<{ preset: string; status: string; n: number }>(`select preset, status, count(*)::int as n from runs group by 1, 2`);
      const count = (preset: string, status: string) => runs.rows.find((r) => r.preset === preset && r.status === status)?.n ?? 0;
      expect(count("experiment", "finished")).toBe(PROMPTS * 2);
      expect(runs.rows.filter((r) => r.preset === "experiment").reduce((s, r) => s + r.n, 0)).toBe(PROMPTS * 2);
      expect(count("judge", "finished")).toBe(PROMPTS * 2);
    } finally {
      await client.end();
    }
  }, 1_500_000);
});
