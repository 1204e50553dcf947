import "server-only";
export { closeDb, getDb, getDbHandle, openDatabase, type Database, type DbHandle, type OpenOptions } from "./client";
export { createDbRunStore, getDbRunStore, type DbRunStore, type DbRunStoreOptions } from "./run-store-db";
export { agentSummarySchema, type AgentSummary } from "./agent-summary";
export { promptExcerpt, runShape } from "./run-summary";
export { runEventBatches, runs } from "./schema";
