import "server-only";
import { foldRun, summarizeAgents, type AgentSummary } from "./agent-summary";
import { closeLeftOpen } from "./interrupted";
import { promptExcerpt, runShape } from "./run-summary";
import { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/moa/events";
import { hasEnded } from "@/lib/moa/run-state";
import type { NewRun, RunEnd, RunStore, StoredRun } from "./run-store";

interface Entry {
  ownerSecretHash: string;
  run: StoredRun;
  events: RunEvent[];
  agents: AgentSummary[] | null;
  seqReserved: number;
}

/**
 * The run store in a Map, with the same semantics as the database one (tests and
 * storage-free tools). Values are copied in and out, as a database would.
 */
export function createMemoryRunStore(): RunStore {
  const entries = new Map<string, Entry>();

  function entry(runId: string): Entry {
    const found = entries.get(runId);
    if (!found) throw new AppError("not_found:run", "That run does not exist.");
    return found;
  }

  function append(runId: string, events: RunEvent[]): void {
    const e = entry(runId);
    e.events.push(...structuredClone(events));
    e.events.sort((a, b) => a.seq - b.seq);
    if (e.run.status === "pending" && events.some((ev) => ev.type === "run-started")) e.run.status = "running";
  }

  function end(e: Entry, result: RunEnd, agents: AgentSummary[]): void {
    e.run = {
      ...e.run,
      status: result.status,
      finalText: result.finalText,
      usage: { ...result.usage },
      durationMs: Math.round(result.durationMs),
      finishedAt: new Date(),
    };
    if (result.error === undefined) delete e.run.error;
    else e.run.error = result.error;
    e.agents = structuredClone(agents);
  }

  return {
    async createRun(run: NewRun) {
      if (entries.has(run.id)) throw new Error(`run ${run.id} already exists`);
      entries.set(run.id, {
        ownerSecretHash: run.ownerSecretHash,
        run: structuredClone({
          id: run.id,
          status: "pending",
          config: run.config,
          messages: run.messages,
          ...(run.preset !== undefined && { preset: run.preset }),
          finalText: "",
          usage: { inputTokens: 0, outputTokens: 0 },
          createdAt: run.createdAt,
        }),
        events: [],
        agents: null,
        seqReserved: run.seqReserved ?? -1,
      });
    },

    async reserveSeqs(runId, throughSeq) {
      const e = entry(runId);
      e.seqReserved = Math.max(e.seqReserved, throughSeq);
    },

    async appendEvents(runId, events) {
      append(runId, events);
    },

    async appendEventBatches(batches) {
      // All or none, as one statement would: check every run before writing any.
      for (const { runId } of batches) entry(runId);
      for (const { runId, events } of batches) append(runId, events);
    },

    async finishRun(runId, result) {
      const e = entry(runId);
      end(e, result, result.agents ?? summarizeAgents(foldRun(runId, e.run.config, e.run.messages, e.events)));
    },

    async getOwnerHash(runId) {
      return entries.get(runId)?.ownerSecretHash ?? null;
    },

    async getRun(runId) {
      const e = entries.get(runId);
      return e ? structuredClone(e.run) : null;
    },

    async getEvents(runId, afterSeq = -1) {
      const e = entries.get(runId);
      return e ? structuredClone(e.events.filter((ev) => ev.seq > afterSeq)) : [];
    },

    async listRuns(ownerSecretHashes, page) {
      const owners = new Set(ownerSecretHashes);
      return [...entries.values()]
        .filter((e) => owners.has(e.ownerSecretHash) && (!page.before || e.run.createdAt < page.before))
        .sort((a, b) => b.run.createdAt.getTime() - a.run.createdAt.getTime() || (a.run.id < b.run.id ? 1 : -1))
        .slice(0, Math.max(0, page.limit))
        .map(({ run }) => ({
          id: run.id,
          status: run.status,
          promptExcerpt: promptExcerpt(run.messages),
          ...(run.preset !== undefined && { preset: run.preset }),
          shape: runShape(run.config),
          usage: { ...run.usage },
          ...(run.durationMs !== undefined && { durationMs: run.durationMs }),
          createdAt: new Date(run.createdAt),
        }));
    },

    async deleteRun(runId, ownerSecretHash) {
      const e = entries.get(runId);
      if (!e || e.ownerSecretHash !== ownerSecretHash) return false;
      return entries.delete(runId);
    },

    async markInterrupted(reason) {
      let count = 0;
      for (const e of entries.values()) {
        if (hasEnded(e.run.status)) continue;
        const closed = closeLeftOpen(e.run, e.events, reason, e.seqReserved);
        if (closed.event) e.events.push(closed.event);
        end(e, closed.end, closed.end.agents);
        count += 1;
      }
      return count;
    },

    async getAgentSummaries(runId) {
      return structuredClone(entries.get(runId)?.agents ?? null);
    },
  };
}
