import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createDbRunStore } from "@/lib/runs/db-run-store";
import { createDbVerdictStore } from "@/lib/verdicts/db-verdict-store";
import { createMemoryVerdictStore } from "@/lib/verdicts/memory-verdict-store";
import type { NewProposerVerdict, NewRunsVerdict, VerdictStore } from "@/lib/verdicts/verdict";
import { describeEachBackend } from "./backends";
import { newRun } from "./fixtures";

const core = { winner: "a" as const, consistent: true, reasons: ["more ground", "still more"], judgeRunIds: ["j1", "j2"] as [string, string] };

const proposerVerdict = (runId: string, judge: string, a: number, b: number): NewProposerVerdict => ({
  ...core,
  runId,
  judge,
  a: { agent: a, label: `#${a + 1}` },
  b: { agent: b, label: `#${b + 1}` },
  ownerSecretHash: "alice",
});

const runsVerdict = (a: string, b: string, ownerSecretHash: string): NewRunsVerdict => ({
  ...core,
  winner: "tie",
  consistent: false,
  error: "the judge's reply names no winner",
  judge: "sim:owl",
  a: { runId: a, label: "MoA" },
  b: { runId: b, label: "Single" },
  ownerSecretHash,
});

/** The same behaviour from the memory and the database stores. */
function verdictContract(open: () => Promise<{ store: VerdictStore; runIds: string[] }>) {
  it("replaces a judge's verdicts on a run's proposers, keeps other judges', and never returns the owner", async () => {
    const { store, runIds } = await open();
    const [run, other] = runIds;
    await store.replaceProposerVerdicts(run, "sim:owl", [proposerVerdict(run, "sim:owl", 0, 1), proposerVerdict(run, "sim:owl", 0, 2)]);
    await store.replaceProposerVerdicts(run, "sim:heron", [proposerVerdict(run, "sim:heron", 1, 2)]);
    await store.replaceProposerVerdicts(other, "sim:owl", [proposerVerdict(other, "sim:owl", 0, 1)]);
    const fresh = await store.replaceProposerVerdicts(run, "sim:owl", [proposerVerdict(run, "sim:owl", 2, 1)]);

    const listed = await store.listProposerVerdicts(run);
    expect(listed.map((v) => [v.judge, v.a.agent, v.b.agent])).toEqual([
      ["sim:heron", 1, 2],
      ["sim:owl", 2, 1],
    ]);
    expect(listed[1]).toEqual(fresh[0]);
    expect(fresh[0]).toMatchObject({ runId: run, winner: "a", consistent: true, reasons: core.reasons, judgeRunIds: ["j1", "j2"] });
    expect(fresh[0]).not.toHaveProperty("ownerSecretHash");
    expect(fresh[0].createdAt).toBeInstanceOf(Date);
  });

  it("lists whole-run verdicts per owner, newest first, up to a limit", async () => {
    const { store, runIds } = await open();
    const [a, b, c] = runIds;
    await store.addRunsVerdicts([runsVerdict(a, b, "alice")]);
    await store.addRunsVerdicts([runsVerdict(a, c, "alice"), runsVerdict(b, c, "bob")]);
    const alices = await store.listRunsVerdicts("alice", 10);
    expect(alices.map((v) => [v.a.runId, v.b.runId])).toEqual([
      [a, c],
      [a, b],
    ]);
    expect(alices[0]).toMatchObject({ winner: "tie", consistent: false, error: "the judge's reply names no winner", a: { label: "MoA" } });
    expect(await store.listRunsVerdicts("alice", 1)).toHaveLength(1);
    expect(await store.listRunsVerdicts("carol", 10)).toEqual([]);
  });
}

describe("memory verdict store", () => {
  verdictContract(async () => ({ store: createMemoryVerdictStore(), runIds: ["r1", "r2", "r3"] }));
});

const RUN_OWNER = "run-owner";

describeEachBackend("db verdict store", (backend) => {
  let handle: DbHandle;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ handle, dispose } = await backend.open());
  });
  afterAll(() => dispose?.());

  async function storedRuns(count: number): Promise<string[]> {
    const runs = Array.from({ length: count }, () => newRun({ ownerSecretHash: RUN_OWNER }));
    for (const run of runs) await createDbRunStore(handle.db).createRun(run);
    return runs.map((r) => r.id);
  }

  verdictContract(async () => ({ store: createDbVerdictStore(handle.db), runIds: await storedRuns(3) }));

  it("drops a run's verdicts with the run", async () => {
    const store = createDbVerdictStore(handle.db);
    const [a, b] = await storedRuns(2);
    await store.replaceProposerVerdicts(a, "sim:owl", [proposerVerdict(a, "sim:owl", 0, 1)]);
    await store.addRunsVerdicts([runsVerdict(a, b, "dave")]);
    expect(await createDbRunStore(handle.db).deleteRun(a, RUN_OWNER)).toBe(true);
    expect(await store.listProposerVerdicts(a)).toEqual([]);
    expect(await store.listRunsVerdicts("dave", 10)).toEqual([]);
  });
});
