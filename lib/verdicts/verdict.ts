import "server-only";
export const VERDICT_WINNERS = ["a", "b", "tie"] as const;
export type VerdictWinner = (typeof VERDICT_WINNERS)[number];

/** What every stored verdict says, whatever was judged. */
export interface VerdictCore {
  id: string;
  judge: string;
  winner: VerdictWinner;
  /** Both orders agreed; a verdict that flipped with the order is a tie. */
  consistent: boolean;
  reasons: string[];
  /** The judge gave no readable verdict: stored with winner "tie", but left out of every count (shown as unreadable). */
  error?: string;
  /** The judge run that saw (a, b), then the one that saw (b, a). */
  judgeRunIds: [string, string];
  createdAt: Date;
}

/** One of the answers the final aggregator of a run received: an agent of the layer before the last. */
export interface JudgedProposer {
  agent: number;
  label: string;
}

/** Two proposer answers inside one run. */
export interface ProposerVerdict extends VerdictCore {
  runId: string;
  a: JudgedProposer;
  b: JudgedProposer;
}

/** The final answers of two runs of the same prompt (a compare). */
export interface JudgedRun {
  runId: string;
  label: string;
}

export interface RunsVerdict extends VerdictCore {
  a: JudgedRun;
  b: JudgedRun;
}

type New<V> = Omit<V, "id" | "createdAt"> & { ownerSecretHash: string };
export type NewProposerVerdict = New<ProposerVerdict>;
export type NewRunsVerdict = New<RunsVerdict>;

/** As the JSON API sends them. */
export type ProposerVerdictJson = Omit<ProposerVerdict, "createdAt"> & { createdAt: string };

export interface VerdictStore {
  /** Stores a fresh judgement of a run's proposers by `judge`, replacing that judge's earlier one. */
  replaceProposerVerdicts(runId: string, judge: string, verdicts: NewProposerVerdict[]): Promise<ProposerVerdict[]>;
  /** Every judge's verdicts on the run's proposers, oldest first. */
  listProposerVerdicts(runId: string): Promise<ProposerVerdict[]>;
  addRunsVerdicts(verdicts: NewRunsVerdict[]): Promise<RunsVerdict[]>;
  /** Whole-run verdicts this owner asked for, newest first. */
  listRunsVerdicts(ownerSecretHash: string, limit: number): Promise<RunsVerdict[]>;
}
