import "server-only";
import type { AgentSummary } from "./agent-summary";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunEvent, Usage } from "@/lib/moa/events";
import type { EndedRunStatus, RunStatus } from "@/lib/moa/run-state";

/**
 * The storage seam of the run lifecycle. `lib/runs` talks to this interface only;
 * `lib/db` provides the Drizzle implementation (PGlite or PostgreSQL), tests may use the
 * in-memory one. Keys are never part of anything passed here.
 */
export interface NewRun {
  id: string;
  /** sha256 hex of the owner secret; the secret itself is never stored. */
  ownerSecretHash: string;
  config: MoAConfig;
  messages: ChatMessage[];
  /** Optional label, e.g. the preset the board came from. */
  preset?: string;
  createdAt: Date;
  /** Viewers may be sent events up to this seq before the run stores a higher mark (see reserveSeqs). */
  seqReserved?: number;
}

export interface RunSummary {
  id: string;
  status: RunStatus;
  promptExcerpt: string;
  preset?: string;
  /** e.g. "3×6" */
  shape: string;
  usage: Usage;
  costUsd?: number;
  durationMs?: number;
  createdAt: Date;
}

export interface StoredRun {
  id: string;
  status: RunStatus;
  config: MoAConfig;
  messages: ChatMessage[];
  preset?: string;
  finalText: string;
  usage: Usage;
  durationMs?: number;
  error?: string;
  createdAt: Date;
  finishedAt?: Date;
}

export interface RunEnd {
  status: EndedRunStatus;
  finalText: string;
  usage: Usage;
  durationMs: number;
  error?: string;
  /** The agents' outcome when the caller has it (the executing process does); otherwise folded from the stored events. */
  agents?: AgentSummary[];
}

export interface RunStore {
  createRun(run: NewRun): Promise<void>;
  /**
   * Records that events up to `throughSeq` may reach viewers before they are stored. Never lowers
   * the mark. A run closed after a crash numbers its run-interrupted event above it.
   */
  reserveSeqs(runId: string, throughSeq: number): Promise<void>;
  /** Appends events in order; callers batch them (never one call per token). */
  appendEvents(runId: string, events: RunEvent[]): Promise<void>;
  /** Several runs' batches in one write (one statement); all are stored or none. */
  appendEventBatches(batches: Array<{ runId: string; events: RunEvent[] }>): Promise<void>;
  finishRun(runId: string, end: RunEnd): Promise<void>;
  getRun(runId: string): Promise<StoredRun | null>;
  /** The owner secret's hash (to authorize changes), or null when there is no such run. */
  getOwnerHash(runId: string): Promise<string | null>;
  /** Events with seq > afterSeq, in order. */
  getEvents(runId: string, afterSeq?: number): Promise<RunEvent[]>;
  listRuns(ownerSecretHashes: string[], page: { limit: number; before?: Date }): Promise<RunSummary[]>;
  /** True when the run existed and the hash matched. */
  deleteRun(runId: string, ownerSecretHash: string): Promise<boolean>;
  /**
   * Marks runs left `running` by a dead process as interrupted, with a run-interrupted event
   * numbered above both the stored events and the reserved seqs; returns how many.
   */
  markInterrupted(reason: string): Promise<number>;
  /** Per-agent outcome written when the run ended; null while it runs or when unknown. */
  getAgentSummaries(runId: string): Promise<AgentSummary[] | null>;
}
