import { beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { runExportSchema, toMarkdown, toRunExport } from "@/lib/runs/export";
import { demoteHeadings, fenceVerbatim } from "@/lib/runs/markdown-nesting";
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

/** The report's own outline: headings outside code blocks, as a Markdown reader would see them. */
function outline(md: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split("\n")) {
    const f = line.match(/^(`{3,}|~{3,})/);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
    } else if (f) fence = f[1];
    else if (/^#{1,6} /.test(line)) out.push(line);
  }
  return out;
}

describe("Markdown export with answers that carry their own Markdown", () => {
  const agentText = "### Step 1\n\nUse ``` fences:\n\n```js\nlet a = 1;\n```\n\n# Conclusion\n\n---\n\nDone.\n\n```\nnever closed";
  const finalAnswer = "# The answer\n\nIntro.\n\n## Why\n\nBecause.\n\nSummary\n=======\n\n```py\nprint('# not a heading')\n```";
  const events = stamp("r4", [
    { type: "run-started", config: CONFIG, messages: [{ role: "user", content: "Explain" }] },
    { type: "layer-started", layer: 0 },
    { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
    { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
    { type: "agent-finished", layer: 0, agent: 0, text: agentText, usage, ttftMs: 5, durationMs: 9 },
    { type: "agent-finished", layer: 0, agent: 1, text: "## Plain", usage, ttftMs: 5, durationMs: 9 },
    { type: "layer-finished", layer: 0, succeeded: 2, failed: 0, skipped: 0, durationMs: 10 },
    { type: "layer-started", layer: 1 },
    { type: "agent-started", layer: 1, agent: 0, model: "sim:owl" },
    { type: "agent-finished", layer: 1, agent: 0, text: finalAnswer, usage, ttftMs: 5, durationMs: 9 },
    { type: "layer-finished", layer: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 10 },
    { type: "run-finished", text: finalAnswer, usage, durationMs: 30 },
  ]);
  const md = toMarkdown(toRunExport(storedRun("r4", events), events));

  it("puts the final answer right after the prompt, before any layer", () => {
    expect(md.indexOf("## Prompt")).toBeLessThan(md.indexOf("## Final answer"));
    expect(md.indexOf("## Final answer")).toBeLessThan(md.indexOf("## Layer 1"));
  });

  it("keeps the report's outline its own: agents' headings are fenced, the final answer's nest under its section", () => {
    expect(outline(md)).toEqual([
      "# MoA run",
      "## Prompt",
      "## Final answer",
      "### The answer",
      "#### Why",
      "### Summary",
      "## Layer 1 (proposers)",
      "### Agent 1 · sim:falcon",
      "### Agent 2 · sim:heron",
      "## Layer 2 (final aggregator)",
      "### Final aggregator · sim:owl",
    ]);
  });

  it("shows each agent's text verbatim, in a fence its own backticks cannot close", () => {
    expect(md).toContain(`${"`".repeat(4)}markdown\n${agentText}\n${"`".repeat(4)}`);
    expect(md).toContain("```markdown\n## Plain\n```");
  });
});

describe("Markdown nesting helpers", () => {
  it("demotes headings to a minimum level, at most 6, and leaves code alone", () => {
    expect(demoteHeadings("# A\n###### B\n```\n# code\n```", 3)).toBe("### A\n###### B\n```\n# code\n```");
    expect(demoteHeadings("#### Already deep", 3)).toBe("#### Already deep");
    expect(demoteHeadings("Title\n---\n\n- item\n---", 3)).toBe("### Title\n\n- item\n---");
  });

  it("closes a code block an answer left open", () => {
    expect(demoteHeadings("```\ncut off", 3)).toBe("```\ncut off\n```");
  });

  it("fences text with a fence longer than any backtick run inside", () => {
    expect(fenceVerbatim("a ````` b")).toBe("``````markdown\na ````` b\n``````");
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
