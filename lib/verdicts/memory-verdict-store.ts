import "server-only";
import { randomUUID } from "node:crypto";
import type { ProposerVerdict, RunsVerdict, VerdictCore, VerdictStore } from "./verdict";

type Owned<V> = V & { ownerSecretHash: string };

/** Copies in, as a database would, with an id and a creation time. */
function keep<V extends VerdictCore>(verdict: Omit<Owned<V>, "id" | "createdAt">): Owned<V> {
  return { ...structuredClone(verdict), id: randomUUID(), createdAt: new Date() } as Owned<V>;
}

function publicView<V>({ ownerSecretHash: _owner, ...verdict }: Owned<V>): V {
  return structuredClone(verdict) as V;
}

/** Verdicts in memory, for MOA_STORE=memory and tests; nothing survives a restart. */
export function createMemoryVerdictStore(): VerdictStore {
  let proposers: Array<Owned<ProposerVerdict>> = [];
  const runs: Array<Owned<RunsVerdict>> = [];

  return {
    async replaceProposerVerdicts(runId, judge, verdicts) {
      const added = verdicts.map((v) => keep<ProposerVerdict>(v));
      proposers = [...proposers.filter((v) => v.runId !== runId || v.judge !== judge), ...added];
      return added.map(publicView);
    },
    async listProposerVerdicts(runId) {
      return proposers.filter((v) => v.runId === runId).map(publicView);
    },
    async addRunsVerdicts(verdicts) {
      const added = verdicts.map((v) => keep<RunsVerdict>(v));
      runs.push(...added);
      return added.map(publicView);
    },
    async listRunsVerdicts(ownerSecretHash, limit) {
      return runs
        .filter((v) => v.ownerSecretHash === ownerSecretHash)
        .reverse()
        .slice(0, limit)
        .map(publicView);
    },
  };
}
