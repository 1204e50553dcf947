import type { PairVerdict } from "@/lib/analysis/win-rate";
import { fetchRun, RunClientError } from "@/lib/client/run-client";
import { judgeWholeRuns } from "@/lib/client/verdicts";
import { inputsToJudge, receivedLayers } from "@/lib/experiments/received";
import { runResultOf } from "@/lib/experiments/run-result";
import type { RunnerDeps } from "@/lib/experiments/runner";
import type { RunKeys } from "@/lib/wire/keys";
import { judgementFromPair, postJudge } from "./judge-client";
import { runToEnd } from "./run-to-end";

export interface BrowserDepsOptions {
  keys(): RunKeys | undefined;
  /** The owner secret: runs are started under it, and whole-run verdicts stored under it (so /insights shows them). */
  owner(): string | undefined;
}

const MAX_WAITS = 40;

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * A long experiment outruns the server's per-minute run limit; a 429 is a reason to wait, not
 * to stop. Waits what the server asked ("Try again in N s"), else 5 s.
 */
export async function whenAdmitted<T>(job: () => Promise<T>, signal: AbortSignal, wait = pause): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await job();
    } catch (error) {
      if (!(error instanceof RunClientError) || error.status !== 429 || attempt >= MAX_WAITS || signal.aborted) throw error;
      const seconds = Number(/(\d+(?:\.\d+)?)\s*s\b/.exec(error.message)?.[1] ?? 5);
      await wait(Math.min(60, Math.max(1, seconds)) * 1000, signal);
    }
  }
}

/**
 * How an experiment runs from the browser: runs through the runs API; each comparison through
 * `/api/judge/runs`, which reads both answers from the stored runs and stores the verdict as
 * Compare does, so /insights shows the same setups; received answers through `/api/judge`.
 */
export function browserRunnerDeps({ keys, owner }: BrowserDepsOptions): Omit<RunnerDeps, "onProgress"> {
  return {
    runVariant: async (variant, messages, signal) =>
      runResultOf(await whenAdmitted(() => runToEnd({ config: variant.config, messages, variant: variant.variant, keys: keys(), owner: owner() }, signal), signal)),
    judge: async ({ a, b, judge }, signal) => {
      const runs = [
        { id: a.run.runId, label: a.variant.label },
        { id: b.run.runId, label: b.variant.label },
      ];
      const [pair] = await whenAdmitted(() => judgeWholeRuns(runs, { judge, keys: keys(), owner: owner() }, signal), signal);
      // The server names the sides by label; make sure side a is the comparison's a.
      const judgement = judgementFromPair(pair);
      if (pair.a === a.variant.label) return judgement;
      return { ...judgement, winner: judgement.winner === "a" ? "b" : judgement.winner === "b" ? "a" : "tie" };
    },
    analyseReceived: async ({ run, judge }, signal) => {
      const state = await whenAdmitted(() => fetchRun(run.runId), signal);
      const verdicts = new Map<number, PairVerdict<number>[]>();
      for (const { layer, inputs } of inputsToJudge(state)) {
        const label = (agent: number) => `#${agent + 1} ${inputs.find((a) => a.agent === agent)?.model}`;
        const agentOf = new Map(inputs.map((a) => [label(a.agent), a.agent]));
        const answers = inputs.map((a) => ({ label: label(a.agent), text: a.text }));
        const pairs = await whenAdmitted(() => postJudge({ conversation: state.messages, judge, keys: keys(), owner: owner(), answers }, signal), signal);
        verdicts.set(
          layer,
          pairs.map((p) => ({ a: agentOf.get(p.a) ?? -1, b: agentOf.get(p.b) ?? -1, winner: p.verdict.winner, unreadable: p.verdict.error !== undefined })),
        );
      }
      return { layers: receivedLayers(state, verdicts) };
    },
  };
}
