import { sql } from "drizzle-orm";
import {
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
import type { AgentSummary } from "./agent-summary";

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
    /** Per-agent outcome, derived from the events when the run ends. */
    agents: jsonb("agents").$type<AgentSummary[]>(),
    /** Which server process executed the run, for diagnosing interrupted runs. */
    instanceId: text("instance_id"),
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

export type RunRow = typeof runs.$inferSelect;
export type RunEventBatchRow = typeof runEventBatches.$inferSelect;
