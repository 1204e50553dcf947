import type { PairVerdict } from "@/lib/analysis/win-rate";
import { fetchRun } from "@/lib/client/run-client";
import type { RunKeys } from "@/lib/providers/keys";
import { judgeWholeRuns } from "@/lib/verdicts/client";
import { judgementFromPair, postJudge } from "./judge-client";
import { inputsToJudge, receivedLayers } from "./received";
import { runResultOf } from "./run-result";
import { runToEnd } from "./run-to-end";
import type { RunnerDeps } from "./runner";

export interface BrowserDepsOptions {
  keys(): RunKeys | undefined;
  /** The owner secret: runs are started under it, and whole-run verdicts stored under it (so /insights shows them). */
  owner(): string | undefined;
}

/**
 * How an experiment runs from the browser: runs through the runs API; each comparison through
 * `/api/judge/runs`, which reads both answers from the stored runs and stores the verdict as
 * Compare does, so /insights shows the same setups; received answers through `/api/judge`.
 */
export function browserRunnerDeps({ keys, owner }: BrowserDepsOptions): Omit<RunnerDeps, "onProgress"> {
  return {
    runVariant: async (variant, messages, signal) =>
      runResultOf(await runToEnd({ config: variant.config, messages, variant: variant.variant, keys: keys(), owner: owner() }, signal)),
    judge: async ({ a, b, judge }, signal) => {
      const runs = [
        { id: a.run.runId, label: a.variant.label },
        { id: b.run.runId, label: b.variant.label },
      ];
      const [pair] = await judgeWholeRuns(runs, { judge, keys: keys(), owner: owner() }, signal);
      // The server names the sides by label; make sure side a is the comparison's a.
      const judgement = judgementFromPair(pair);
      if (pair.a === a.variant.label) return judgement;
      return { ...judgement, winner: judgement.winner === "a" ? "b" : judgement.winner === "b" ? "a" : "tie" };
    },
    analyseReceived: async ({ run, judge }, signal) => {
      const state = await fetchRun(run.runId);
      const verdicts = new Map<number, PairVerdict<number>[]>();
      for (const { layer, inputs } of inputsToJudge(state)) {
        const label = (agent: number) => `#${agent + 1} ${inputs.find((a) => a.agent === agent)?.model}`;
        const agentOf = new Map(inputs.map((a) => [label(a.agent), a.agent]));
        const pairs = await postJudge(
          { conversation: state.messages, judge, keys: keys(), owner: owner(), answers: inputs.map((a) => ({ label: label(a.agent), text: a.text })) },
          signal,
        );
        verdicts.set(
          layer,
          pairs.map((p) => ({ a: agentOf.get(p.a) ?? -1, b: agentOf.get(p.b) ?? -1, winner: p.verdict.winner, unreadable: p.verdict.error !== undefined })),
        );
      }
      return { layers: receivedLayers(state, verdicts) };
    },
  };
}
