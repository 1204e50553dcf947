/**
 * Every method of the library as an experiment job, end to end: the variants the Experiments
 * page builds from one small sim board (plain MoA, the paper's LLM-Ranker and Self-MoA, and the
 * seven methods of `methodVariants`) run as durable pg-boss cells on an in-memory PGlite, each
 * cell a stored run; each stored run carries its method's steps and shows its defining behaviour.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_DATA_DIR = "memory://";
  delete process.env.MOA_STORE;
  delete process.env.DATABASE_URL;
  delete process.env.MOA_ACCESS_TOKEN;
  process.env.MOA_JOB_CONCURRENCY = "8";
  process.env.MOA_SIM_SPEED = "1000000";
});

import { GET as resultsRoute } from "@/app/api/experiments/[id]/results/route";
import { GET as summaryRoute } from "@/app/api/experiments/[id]/route";
import { POST as createRoute } from "@/app/api/experiments/route";
import { unitKey, type ExperimentPlan, type RunResult, type VariantSpec } from "@/lib/experiments/types";
import { deriveVariants, methodVariants } from "@/lib/experiments/variants";
import type { MoAConfig } from "@/lib/moa/config";
import type { EventOf, RunEvent } from "@/lib/moa/events";
import { METHODS } from "@/lib/moa/methods/catalog";
import { seqSteps } from "@/lib/moa/methods/schema";
import { lookupModel } from "@/lib/providers/catalog";
import { getRunStore } from "@/lib/runs/store";
import { withJobDatabase } from "./job-database";

const OWNER = "m".repeat(43);
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, init: RequestInit = {}) => new Request(`http://moa.test${url}`, { ...init, headers: { "content-type": "application/json" } });

const FOUR = ["sim:falcon", "sim:heron", "sim:otter", "sim:lynx"];
/** Four proposers, the same four refining, owl final: more answers than any method's k (3). */
const BOARD: MoAConfig = { layers: [{ agents: FOUR.map((model) => ({ model })) }, { agents: FOUR.map((model) => ({ model })) }, { agents: [{ model: "sim:owl" }] }] };
const K = 3;
const PROMPTS = [
  { id: "sky", prompt: "Why is the sky blue?" },
  { id: "bat", prompt: "A bat and a ball cost $1.10 together; the bat costs $1.00 more than the ball. How much is the ball? Explain briefly." },
];

/** As the Experiments page offers them: MoA, the LLM-Ranker and Self-MoA of the paper's set, and every other method. */
const VARIANTS: VariantSpec[] = [
  ...deriveVariants(BOARD, lookupModel).filter((v) => ["moa", "ranker", "self-moa"].includes(v.id)),
  ...methodVariants(BOARD, lookupModel),
];

type Step = EventOf<"method-step">;
interface StoredCell {
  run: RunResult;
  config: MoAConfig;
  final: string;
  steps: Step[];
  /** Finished answers by layer, in agent order. */
  layers: string[][];
}

async function storedCell(run: RunResult): Promise<StoredCell> {
  const store = await getRunStore();
  expect(await store.getRun(run.runId)).not.toBeNull();
  const events: RunEvent[] = await store.getEvents(run.runId);
  const started = events.find((e): e is EventOf<"run-started"> => e.type === "run-started");
  const finished = events.find((e): e is EventOf<"run-finished"> => e.type === "run-finished");
  if (!started || !finished) throw new Error(`run ${run.runId} has no start or finish: ${events.at(-1)?.type}`);
  const layers: string[][] = started.config.layers.map(() => []);
  for (const e of events) if (e.type === "agent-finished") layers[e.layer][e.agent] = e.text;
  const steps = events.filter((e): e is Step => e.type === "method-step");
  return { run, config: started.config, final: finished.text, steps, layers: layers.map((l) => l.filter((t) => t !== undefined)) };
}

const stepKinds = (cell: StoredCell) => [...new Set(cell.steps.map((s) => s.step))].sort();
const lastAgentText = (cell: StoredCell) => cell.layers.at(-1)![0];
const candidates = (cell: StoredCell) => cell.layers.at(-2)!;

/** What each method must show on its stored run: its steps, and the behaviour that defines it. */
const EXPECTED: Record<string, { method: string | undefined; steps: string[]; holds(cell: StoredCell): void }> = {
  moa: { method: undefined, steps: [], holds: (c) => expect(c.final).toBe(lastAgentText(c)) },
  "self-moa": {
    method: undefined,
    steps: [],
    holds: (c) => {
      const proposers = c.config.layers[0].agents;
      expect(new Set(proposers.map((a) => a.model)).size).toBe(1);
      expect(proposers.every((a) => a.temperature !== undefined)).toBe(true);
      expect(c.final).toBe(lastAgentText(c));
    },
  },
  ranker: {
    method: "ranker",
    steps: ["select"],
    holds: (c) => {
      expect(lastAgentText(c)).toMatch(/^\d+$/);
      expect(c.final).toBe(candidates(c)[Number(lastAgentText(c)) - 1]);
    },
  },
  usc: { method: "usc", steps: ["select"], holds: (c) => expect(candidates(c)).toContain(c.final) },
  "self-moa-seq": {
    method: "self-moa-seq",
    steps: ["select"],
    holds: (c) => {
      const samples = c.config.layers[0].agents.length;
      expect(c.config.layers.length - 1).toBe(seqSteps(samples, 3));
      for (const s of c.steps) expect(s.inputs!.length).toBeLessThanOrEqual(3);
      // Each later step reads the synthesis so far.
      for (const s of c.steps.filter((x) => x.layer >= 2)) expect(s.inputs![0]).toEqual({ layer: s.layer - 1, agent: 0 });
    },
  },
  "rank-fuse": {
    method: "rank-fuse",
    steps: ["rank"],
    holds: (c) => {
      expect(c.steps[0].inputs).toHaveLength(K);
      expect(candidates(c)).not.toContain(c.final);
    },
  },
  smoa: {
    method: "smoa",
    steps: ["select"],
    holds: (c) => {
      expect(c.steps.map((s) => s.inputs!.length)).toEqual([K, K]);
    },
  },
  rmoa: {
    method: "rmoa",
    steps: ["select"],
    holds: (c) => {
      expect(c.steps.map((s) => s.inputs!.length)).toEqual([K, K]);
      expect(c.steps.every((s) => s.model === "sim:hash-bow")).toBe(true);
    },
  },
  fusion: {
    method: "fusion",
    steps: ["analysis"],
    holds: (c) => {
      expect(c.steps[0].analysis).toBeDefined();
      expect(lastAgentText(c)).toMatch(/<analysis>/);
      expect(c.final).not.toMatch(/<analysis>|<answer>/);
      expect(lastAgentText(c)).toContain(c.final);
    },
  },
  council: {
    method: "council",
    steps: ["rank", "review"],
    holds: (c) => {
      expect(c.config.layers).toHaveLength(2);
      expect(c.steps.filter((s) => s.step === "review")).toHaveLength(FOUR.length);
      expect(c.final).toBe(lastAgentText(c));
    },
  },
};

withJobDatabase();

describe("every method as an experiment job", () => {
  it("the variants cover the nine methods and plain MoA", () => {
    expect(VARIANTS.map((v) => v.id).sort()).toEqual(METHODS.map((m) => m.kind).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(VARIANTS.map((v) => v.id).sort());
  });

  it("runs each cell to a stored run that carries its method's steps and shows its defining behaviour", async () => {
    const plan: ExperimentPlan = {
      id: "ignored",
      name: "Every method",
      createdAt: new Date(0).toISOString(),
      prompts: PROMPTS,
      variants: VARIANTS,
      comparisons: [{ id: "f", label: "MoA vs LLM-Ranker", a: "moa", b: "ranker" }],
      judge: "sim:owl",
    };
    const created = await createRoute(request("/api/experiments", { method: "POST", body: JSON.stringify({ plan, owner: OWNER }) }));
    expect(created.status).toBe(201);
    const { id, total } = (await created.json()) as { id: string; total: number };
    expect(total).toBe(PROMPTS.length * (VARIANTS.length + 1));

    const deadline = Date.now() + 180_000;
    let status = "running";
    while (status === "running" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await summaryRoute(request(`/api/experiments/${id}`), ctx(id))).json()) as { experiment: { status: string } }).experiment.status;
    }
    expect(status).toBe("finished");

    const { progress } = (await (await resultsRoute(request(`/api/experiments/${id}/results`), ctx(id))).json()) as { progress: { runs: Record<string, RunResult>; judgements: Record<string, unknown> } };
    expect(Object.keys(progress.judgements)).toHaveLength(PROMPTS.length);
    for (const prompt of PROMPTS) {
      for (const variant of VARIANTS) {
        const where = `${variant.id} on ${prompt.id}`;
        const run = progress.runs[unitKey(prompt.id, variant.id)];
        expect(run?.status, where).toBe("finished");
        const cell = await storedCell(run);
        expect(cell.final, where).toBe(run.text);
        const expected = EXPECTED[variant.id];
        expect(cell.config.method?.kind, where).toBe(expected.method);
        expect(stepKinds(cell), where).toEqual(expected.steps);
        expected.holds(cell);
      }
    }
  }, 300_000);
});
