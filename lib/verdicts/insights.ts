import "server-only";
import { createHash } from "node:crypto";
import { runFigures } from "@/lib/analysis/cost";
import { setupQuality, type JudgedRunFacts, type SetupQuality } from "@/lib/analysis/setup-quality";
import { agentStatesOf } from "@/lib/runs/agent-summary";
import { runShape } from "@/lib/runs/run-summary";
import type { MoAConfig } from "@/lib/moa/config";
import { initialRunState } from "@/lib/moa/run-state";
import { lookupModel } from "@/lib/providers/catalog";
import type { RunStore } from "@/lib/runs/run-store";
import { getRunStore } from "@/lib/runs/store";
import { getVerdictStore } from "./store";

/** The newest whole-run verdicts an owner asked for that the chart reads. */
const MAX_VERDICTS = 500;

export interface Insights {
  setups: SetupQuality[];
  /** Whole-run verdicts behind the points. */
  verdicts: number;
}

/** JSON with object keys sorted, so that equal configs read the same whatever order a store gave their keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A setup is a config under a label: "MoA" and "LLM-Ranker" may share a config but are not one setup. */
function setupIdOf(label: string, config: MoAConfig): string {
  return createHash("sha256").update(label).update("\u0000").update(canonicalJson(config)).digest("hex").slice(0, 16);
}

async function judgedRunFacts(store: RunStore, runId: string, label: string): Promise<JudgedRunFacts | undefined> {
  const [run, agents] = await Promise.all([store.getRun(runId), store.getAgentSummaries(runId)]);
  if (!run || !agents) return undefined;
  const figures = runFigures({ ...initialRunState(runId), agents: agentStatesOf(agents) }, lookupModel).total;
  return {
    runId,
    setupId: setupIdOf(label, run.config),
    label,
    shape: runShape(run.config),
    costUsd: figures.costUsd,
    costEstimated: figures.estimated,
    latencyMs: run.durationMs,
    tflops: figures.tflops,
    tflopsUnknown: figures.tflopsEstimated,
  };
}

/** Quality against cost for every setup of runs this owner had judged against each other (in /compare). */
export async function ownerInsights(ownerSecretHash: string): Promise<Insights> {
  const verdicts = await (await getVerdictStore()).listRunsVerdicts(ownerSecretHash, MAX_VERDICTS);
  const labels = new Map<string, string>();
  for (const { a, b } of verdicts) for (const side of [a, b]) if (!labels.has(side.runId)) labels.set(side.runId, side.label);
  const store = await getRunStore();
  const runs = await Promise.all([...labels].map(([runId, label]) => judgedRunFacts(store, runId, label)));
  const pairs = verdicts.map((v) => ({ a: v.a.runId, b: v.b.runId, winner: v.winner, unreadable: v.error !== undefined }));
  return { setups: setupQuality(runs.filter((r) => r !== undefined), pairs), verdicts: verdicts.length };
}
