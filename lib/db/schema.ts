import "server-only";
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { MoAConfig } from "@/lib/moa/config";
import type { ChatMessage } from "@/lib/moa/conversation";
import type { RunStatus } from "@/lib/moa/run-state";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const runs = pgTable(
  "runs",
  {
    id: text("id").primaryKey(),
    ownerSecretHash: text("owner_secret_hash").notNull(),
    status: text("status").$type<RunStatus>().notNull(),
    config: jsonb("config").$type<MoAConfig>().notNull(),
    messages: jsonb("messages").$type<ChatMessage[]>().notNull(),
    preset: text("preset"),
    finalText: text("final_text").notNull().default(""),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: doublePrecision("cost_usd"),
    durationMs: integer("duration_ms"),
    error: text("error"),
    /** Per-agent outcome, derived from the events when the run ends; read back through lib/runs' agentSummarySchema. */
    agents: jsonb("agents").$type<unknown[]>(),
    /** Which server process executed the run, for diagnosing interrupted runs. */
    instanceId: text("instance_id"),
    /** Set by a cancel on any instance; the executing instance polls it when a NOTIFY is missed. */
    cancelRequestedAt: timestamptz("cancel_requested_at"),
    /**
     * Highest seq the executing process may send to viewers before it stores a higher mark.
     * After a crash the run-interrupted marker is numbered above it, so no seq a viewer saw is reused.
     */
    seqReserved: integer("seq_reserved"),
    createdAt: timestamptz("created_at").notNull(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [
    // The history list: one owner's runs, newest first, paged by created_at.
    index("runs_owner_created_idx").on(t.ownerSecretHash, t.createdAt.desc()),
    // Startup sweep for runs a dead process left open; only open runs are indexed.
    index("runs_open_status_idx")
      .on(t.status)
      .where(sql`${t.status} in ('pending', 'running')`),
  ],
);

/**
 * Events are stored in batches (one row per flush of the event buffer), never one row per
 * token: a 3×6 run emits thousands of deltas.
 */
export const runEventBatches = pgTable(
  "run_event_batches",
  {
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    firstSeq: integer("first_seq").notNull(),
    lastSeq: integer("last_seq").notNull(),
    /** RunEvent[]; parsed back through runEventSchema on read. */
    events: jsonb("events").$type<unknown[]>().notNull(),
    writtenAt: timestamptz("written_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.firstSeq] })],
);

/**
 * Boards a user named and saved. Slugs are unique across the table because /api/v1 addresses a
 * saved configuration by slug alone (`moa/<slug>`); listing and editing stay per owner.
 * Never holds provider keys.
 */
export const savedConfigs = pgTable(
  "saved_configs",
  {
    slug: text("slug").primaryKey(),
    ownerSecretHash: text("owner_secret_hash").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<MoAConfig>().notNull(),
    /** Board settings beside the config, e.g. the preset it started from; parsed on read. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("saved_configs_owner_created_idx").on(t.ownerSecretHash, t.createdAt.desc())],
);

/**
 * Server processes sharing this database. Each one refreshes its heartbeat every few seconds;
 * runs of an instance whose heartbeat went stale are swept as interrupted by the others.
 */
export const instances = pgTable("instances", {
  id: text("id").primaryKey(),
  startedAt: timestamptz("started_at").notNull().defaultNow(),
  heartbeatAt: timestamptz("heartbeat_at").notNull().defaultNow(),
});

/** Per-client token buckets for starting runs, shared by every instance (PostgreSQL only). */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  clientId: text("client_id").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

/** One row per run in flight, for the per-client concurrency limit across instances. */
export const runSlots = pgTable(
  "run_slots",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull(),
    instanceId: text("instance_id").notNull(),
    acquiredAt: timestamptz("acquired_at").notNull().defaultNow(),
  },
  (t) => [index("run_slots_client_idx").on(t.clientId)],
);

/**
 * Pairwise verdicts of an LLM judge, each pair judged in both orders. Two kinds:
 * `proposers`: two answers that the final aggregator of `run_id` received (agent indices in
 * the layer before the last), for the per-run similarity-vs-quality correlation;
 * `runs`: the final answers of two runs (a compare), for quality against cost across runs.
 * A verdict goes when a run it names is deleted; the judge runs are only referenced.
 */
export const judgeVerdicts = pgTable(
  "judge_verdicts",
  {
    id: text("id").primaryKey(),
    /** "proposers" | "runs" (lib/verdicts/verdict.ts). */
    kind: text("kind").notNull(),
    runId: text("run_id").references(() => runs.id, { onDelete: "cascade" }),
    aAgent: integer("a_agent"),
    bAgent: integer("b_agent"),
    aRunId: text("a_run_id").references(() => runs.id, { onDelete: "cascade" }),
    bRunId: text("b_run_id").references(() => runs.id, { onDelete: "cascade" }),
    aLabel: text("a_label").notNull(),
    bLabel: text("b_label").notNull(),
    judgeModel: text("judge_model").notNull(),
    /** "a" | "b" | "tie"; parsed on read. */
    winner: text("winner").notNull(),
    /** Both orders agreed; a verdict that flipped with the order is stored as a tie. */
    consistent: boolean("consistent").notNull(),
    /** string[]; parsed on read. */
    reasons: jsonb("reasons").$type<unknown>().notNull(),
    error: text("error"),
    /** The judge run that saw (a, b), and the one that saw (b, a). */
    forwardJudgeRunId: text("forward_judge_run_id").notNull(),
    swappedJudgeRunId: text("swapped_judge_run_id").notNull(),
    /** Who asked for the verdict: the hash of the browser's owner secret. */
    ownerSecretHash: text("owner_secret_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("judge_verdicts_run_idx").on(t.runId),
    index("judge_verdicts_owner_created_idx").on(t.ownerSecretHash, t.createdAt.desc()),
    // Deleting a run must not scan the table for its whole-run verdicts.
    index("judge_verdicts_a_run_idx").on(t.aRunId),
    index("judge_verdicts_b_run_idx").on(t.bRunId),
  ],
);

export type RunRow = typeof runs.$inferSelect;
export type RunEventBatchRow = typeof runEventBatches.$inferSelect;
export type SavedConfigRow = typeof savedConfigs.$inferSelect;
export type JudgeVerdictRow = typeof judgeVerdicts.$inferSelect;

/**
 * Experiments run as server jobs (lib/experiments/jobs). The spec is what was asked for (prompts,
 * variants, judge, budget); its cells and verdicts are rows of `experiment_cells`, and the queue
 * that hands them to workers is pg-boss's own schema.
 */
export const experiments = pgTable(
  "experiments",
  {
    id: text("id").primaryKey(),
    ownerSecretHash: text("owner_secret_hash").notNull(),
    name: text("name").notNull(),
    /** ExperimentSpec; parsed on read. */
    spec: jsonb("spec").$type<unknown>().notNull(),
    /** running | paused (waiting for its owner's pasted keys) | finished | cancelled | over-budget */
    status: text("status").notNull(),
    /** How many cells and verdicts the experiment has when it is complete. */
    total: integer("total").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [index("experiments_owner_created_idx").on(t.ownerSecretHash, t.createdAt.desc())],
);

/**
 * One unit of an experiment: a cell (a prompt answered by a variant: a stored run) or a verdict
 * (a comparison judged on a prompt). The row is the claim that keeps a unit from running twice:
 * a worker takes it only while it is not done and no live instance holds it.
 */
export const experimentCells = pgTable(
  "experiment_cells",
  {
    experimentId: text("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    /** `cell:<prompt index>:<variant id>` or `verdict:<prompt index>:<comparison id>`. */
    key: text("key").notNull(),
    kind: text("kind").$type<"cell" | "verdict">().notNull(),
    promptId: text("prompt_id").notNull(),
    /** The variant of a cell, the comparison of a verdict. */
    subjectId: text("subject_id").notNull(),
    /** running | done */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(1),
    instanceId: text("instance_id").notNull(),
    /** The cell's run (the last attempt's while running). */
    runId: text("run_id"),
    /** RunResult of a cell, Judgement of a verdict; parsed on read. */
    result: jsonb("result").$type<unknown>(),
    costUsd: doublePrecision("cost_usd").notNull().default(0),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.key] }),
    // The recovery sweep looks only at units in flight.
    index("experiment_cells_running_idx")
      .on(t.instanceId)
      .where(sql`${t.status} = 'running'`),
  ],
);

export type ExperimentRow = typeof experiments.$inferSelect;
export type ExperimentCellRow = typeof experimentCells.$inferSelect;
