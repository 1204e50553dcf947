import { describe, expect, it } from "vitest";
import { createRunStore, type RunStoreDeps } from "@/lib/client/run-store";
import type { StartRunBody } from "@/lib/wire/run-request";
import { configForMethod } from "@/components/run/run-method";
import { conversationIdFromPath, conversationPath } from "@/components/run/use-conversation-url";
import type { MoAConfig } from "@/lib/moa/config";
import { manualScheduler } from "./fixtures";

const BOARD: MoAConfig = {
  layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }, { model: "sim:otter" }] }, { agents: [{ model: "sim:owl" }] }],
};

function recordingStore() {
  const posted: StartRunBody[] = [];
  const deps: RunStoreDeps = {
    scheduler: manualScheduler(),
    ownerStorage: { get: () => null, set: () => {} },
    postRun: async (body) => {
      posted.push(body);
      return { id: "run-1", owner: "o" };
    },
    streamRunEvents: async () => ({ kind: "ended", lastSeq: -1 }),
  };
  return { store: createRunStore(deps), posted };
}

describe("running the board as a baseline", () => {
  it("posts the LLM-Ranker as the same board with the ranker method", async () => {
    const chosen = await configForMethod("ranker", BOARD);
    const { store, posted } = recordingStore();
    await store.getState().start({ ...chosen, prompt: "hi" });
    expect(posted[0].config.method).toEqual({ kind: "ranker" });
    expect(posted[0].config.layers.map((l) => l.agents.length)).toEqual([3, 1]);
  });

  it("posts each library method with its defaults, reshaping the board where the method needs it", async () => {
    expect((await configForMethod("smoa", BOARD)).config.method).toEqual({ kind: "smoa", k: 3, moderator: true });
    const seq = (await configForMethod("self-moa-seq", BOARD)).config;
    expect(seq.layers.map((l) => l.agents.length)).toEqual([4, 1, 1]);
    expect((await configForMethod("moa", BOARD)).config).toBe(BOARD);
  });

  it("turns the board into Self-MoA: one model sampled in every proposer slot, no server variant", async () => {
    const chosen = await configForMethod("self-moa", BOARD);
    const { store, posted } = recordingStore();
    await store.getState().start({ ...chosen, prompt: "hi" });
    const proposers = posted[0].config.layers[0].agents.map((a) => a.model);
    expect(proposers).toHaveLength(3);
    expect(new Set(proposers).size).toBe(1);
    expect(posted[0].variant).toBeUndefined();
  });

  it("refuses the ranker on a board with one layer", async () => {
    await expect(configForMethod("ranker", { layers: [{ agents: [{ model: "sim:owl" }] }] })).rejects.toThrow(/two layers/);
  });
});

describe("conversation URLs", () => {
  it("round-trips a run id and ignores other paths", () => {
    expect(conversationIdFromPath(conversationPath("abc-123"))).toBe("abc-123");
    expect(conversationIdFromPath("/")).toBeNull();
    expect(conversationIdFromPath("/r/abc")).toBeNull();
  });
});
