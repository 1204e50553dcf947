import { beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { runExportSchema, toMarkdown, toRunExport } from "@/lib/runs/export";
import { deleteOwnedRun, getRunExport, importRunExport, listOwnerRuns } from "@/lib/runs/history";
import { newRunId } from "@/lib/runs/ids";
import { hashOwnerSecret, newOwnerSecret } from "@/lib/security/owner";
import type { StoredRun } from "@/lib/runs/run-store";
import { getRunStore } from "@/lib/runs/store";
import { CONFIG, finishedRun, stamp } from "../client/fixtures";

beforeAll(() => {
  process.env.MOA_STORE = "memory";
});

const usage = { inputTokens: 10, outputTokens: 5 };

function storedRun(id: string, events: RunEvent[]): StoredRun {
  const end = events.at(-1);
  return {
    id,
    status: end?.type === "run-finished" ? "finished" : "failed",
    config: CONFIG,
    messages: [{ role: "user", content: "Why is the sky blue?" }],
    finalText: end?.type === "run-finished" ? end.text : "",
    usage: { inputTokens: 30, outputTokens: 15 },
    durationMs: 150,
    createdAt: new Date("2026-01-02T03:04:05Z"),
  };
}

async function storeRun(events: (id: string) => RunEvent[], owner = newOwnerSecret()) {
  const store = await getRunStore();
  const id = newRunId();
  const evs = events(id);
  const started = evs[0].type === "run-started" ? evs[0] : undefined;
  await store.createRun({ id, ownerSecretHash: hashOwnerSecret(owner), config: CONFIG, messages: started?.messages ?? [], createdAt: new Date() });
  await store.appendEvents(id, evs);
  const end = evs.at(-1)!;
  await store.finishRun(id, {
    status: end.type === "run-finished" ? "finished" : "failed",
    finalText: end.type === "run-finished" ? end.text : "",
    usage: { inputTokens: 30, outputTokens: 15 },
    durationMs: end.t,
  });
  return { id, owner };
}

describe("toMarkdown", () => {
  it("holds the prompt, every agent's answer by layer, the final answer and the figures", () => {
    const md = toMarkdown(toRunExport(storedRun("r1", finishedRun("r1")), finishedRun("r1")));
    expect(md).toContain("## Prompt\n\nWhy is the sky blue?");
    expect(md.indexOf("## Layer 1")).toBeLessThan(md.indexOf("Hello"));
    expect(md).toContain("Bonjour");
    expect(md.indexOf("## Layer 2")).toBeLessThan(md.indexOf("### Final aggregator · sim:owl"));
    expect(md).toMatch(/## Final answer\n\nFinal\.\n/);
    expect(md).toContain("tokens in/out: 10 / 5");
    expect(md).toContain("time to first token: 20 ms");
    expect(md).toContain("duration: 60 ms");
    expect(md).toContain("Tokens in/out: 30 / 15");
  });

  it("keeps the partial text and the reason of an agent that failed", () => {
    const events = stamp("r2", [
      { type: "run-started", config: CONFIG, messages: [{ role: "user", content: "Hi" }] },
      { type: "layer-started", layer: 0 },
      { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
      { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
      { type: "agent-finished", layer: 0, agent: 0, text: "Fine answer", usage, ttftMs: 5, durationMs: 9 },
      { type: "agent-failed", layer: 0, agent: 1, kind: "rate_limited", message: "slow down", retryable: true, partialText: "Half an ans" },
      { type: "run-failed", message: "not enough answers" },
    ]);
    const md = toMarkdown(toRunExport(storedRun("r2", events), events));
    expect(md).toContain("Fine answer");
    expect(md).toContain("Half an ans");
    expect(md).toContain("Failed (rate_limited): slow down");
    expect(md).toContain("Status: failed");
  });
});

describe("exports say where the method changed", () => {
  const quorumConfig = { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }], policy: { kind: "quorum" as const, k: 1 } }, { agents: [{ model: "sim:owl", maxTokens: 5 }] }] };
  const events = stamp("r3", [
    { type: "run-started", config: quorumConfig, messages: [{ role: "user", content: "Hi" }] },
    { type: "layer-started", layer: 0 },
    { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
    { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
    { type: "agent-finished", layer: 0, agent: 0, text: "Fast answer", usage, ttftMs: 5, durationMs: 9, finishReason: "stop", maxOutputTokens: 2048 },
    { type: "agent-skipped", layer: 0, agent: 1, reason: "quorum of 1 reached", partialText: "Slo" },
    { type: "layer-finished", layer: 0, succeeded: 1, failed: 0, skipped: 1, durationMs: 10 },
    { type: "layer-started", layer: 1, fromPartial: false },
    { type: "agent-started", layer: 1, agent: 0, model: "sim:owl" },
    { type: "agent-finished", layer: 1, agent: 0, text: "Cut fin", usage, ttftMs: 5, durationMs: 9, finishReason: "length", maxOutputTokens: 5 },
    { type: "layer-finished", layer: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 10 },
    { type: "run-finished", text: "Cut fin", usage, durationMs: 30 },
  ]);

  it("Markdown: a section on how the answer was made, and the cut agent marked", () => {
    const md = toMarkdown(toRunExport(storedRun("r3", events), events));
    expect(md).toContain("## How this answer was made");
    expect(md).toContain("- **final answer written from the fastest 1 of 2 answers**");
    expect(md).toContain("- **truncated at 5 tokens**: The final answer stopped at its 5-token output limit");
    expect(md).toContain("> Truncated: stopped at its 5-token output limit.");
  });

  it("JSON: the notes ride along with the run and the file still imports", () => {
    const record = toRunExport(storedRun("r3", events), events);
    expect(record.run.notes?.map((n) => n.kind)).toEqual(["quorum", "truncated"]);
    expect(runExportSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
    expect(toRunExport(storedRun("r1", finishedRun("r1")), finishedRun("r1")).run.notes).toBeUndefined();
  });
});

describe("JSON export and import", () => {
  it("round-trips: the imported copy has a new id and the same run and events", async () => {
    const { id } = await storeRun((runId) => finishedRun(runId, "Why is the sky blue?"));
    const exported = await getRunExport(id);
    const file = JSON.parse(JSON.stringify(exported));
    expect(JSON.stringify(file)).not.toMatch(/owner/i);

    const owner = newOwnerSecret();
    const imported = await importRunExport(runExportSchema.parse(file), owner);
    expect(imported.id).not.toBe(id);
    expect(imported.owner).toBe(owner);

    const copy = await getRunExport(imported.id);
    expect(copy.run).toMatchObject({ status: "finished", finalText: "Final.", config: exported.run.config, messages: exported.run.messages });
    expect(copy.events).toEqual(exported.events.map((e) => ({ ...e, runId: imported.id })));
    const listed = await listOwnerRuns(hashOwnerSecret(owner), { limit: 20 });
    expect(listed.runs.map((r) => r.id)).toEqual([imported.id]);
  });

  it("closes a run that was exported while still going as interrupted", async () => {
    const events = finishedRun("x").slice(0, 6);
    const record = toRunExport({ ...storedRun("x", events), status: "running" }, events);
    const { id } = await importRunExport(runExportSchema.parse(JSON.parse(JSON.stringify(record))));
    const copy = await getRunExport(id);
    expect(copy.run.status).toBe("interrupted");
    expect(copy.events.at(-1)?.type).toBe("run-interrupted");
  });

  it("rejects a file that is not an export", () => {
    expect(runExportSchema.safeParse({ format: "moa-run", version: 1, run: {}, events: [] }).success).toBe(false);
    const record = toRunExport(storedRun("r", finishedRun("r")), finishedRun("r"));
    const shuffled = { ...record, events: [...record.events].reverse() };
    expect(runExportSchema.safeParse(JSON.parse(JSON.stringify(shuffled))).success).toBe(false);
  });
});

describe("history", () => {
  it("lists a browser's runs newest first, in pages, and lets only that browser delete them", async () => {
    const owner = newOwnerSecret();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await storeRun((runId) => finishedRun(runId, `prompt ${i}`), owner)).id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const hash = hashOwnerSecret(owner);
    const first = await listOwnerRuns(hash, { limit: 2 });
    expect(first.runs.map((r) => r.promptExcerpt)).toEqual(["prompt 2", "prompt 1"]);
    expect(first.nextBefore).not.toBeNull();
    const second = await listOwnerRuns(hash, { limit: 2, before: first.nextBefore! });
    expect(second.runs.map((r) => r.promptExcerpt)).toEqual(["prompt 0"]);
    expect(second.nextBefore).toBeNull();

    await expect(deleteOwnedRun(ids[0], newOwnerSecret())).rejects.toMatchObject({ status: 403, code: "forbidden:owner" });
    await expect(deleteOwnedRun(ids[0], undefined)).rejects.toMatchObject({ status: 403, code: "forbidden:owner" });
    await deleteOwnedRun(ids[0], owner);
    await expect(deleteOwnedRun(ids[0], owner)).rejects.toMatchObject({ status: 404 });
    expect((await listOwnerRuns(hash, { limit: 20 })).runs).toHaveLength(2);
  });
});
