import { describe, expect, it } from "vitest";
import { splitMarkdownBlocks } from "@/components/ui/markdown";
import { settledLength } from "@/components/ui/streaming-block";
import { selectAgentMeta, selectAgentText } from "@/lib/client/agent-selectors";
import { createRunStore } from "@/lib/client/run-store";
import type { RunEventBody } from "@/lib/moa/events";
import { manualScheduler, stamp } from "./fixtures";

const usage = { inputTokens: 10, outputTokens: 300 };
const CONFIG = { layers: [{ agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] }, { agents: [{ model: "sim:owl" }] }] };

/** 300 one-word deltas per proposer, a blank line after every 50th: six paragraphs each. */
function streamingRun(): RunEventBody[] {
  const bodies: RunEventBody[] = [
    { type: "run-started", config: CONFIG, messages: [{ role: "user", content: "Hi" }] },
    { type: "layer-started", layer: 0 },
    { type: "agent-started", layer: 0, agent: 0, model: "sim:falcon" },
    { type: "agent-started", layer: 0, agent: 1, model: "sim:heron" },
  ];
  const texts = ["", ""];
  for (let i = 1; i <= 300; i++) {
    for (const agent of [0, 1]) {
      const text = `word${i}${i % 50 === 0 ? "\n\n" : " "}`;
      texts[agent] += text;
      bodies.push({ type: "agent-delta", layer: 0, agent, text });
    }
  }
  for (const agent of [0, 1]) bodies.push({ type: "agent-finished", layer: 0, agent, text: texts[agent], usage, ttftMs: 5, durationMs: 900 });
  return bodies;
}

describe("settledLength (the finished blocks of a growing answer)", () => {
  it("ends after the last blank line outside a fence, so the rest is the block being written", () => {
    expect(settledLength("First para\nstill first.\n\nSecond")).toBe("First para\nstill first.\n\n".length);
    expect(settledLength("One\n\nTwo\n\n\nThr")).toBe("One\n\nTwo\n\n\n".length);
    expect(settledLength("No blank line yet\n")).toBe(0);
    expect(settledLength("")).toBe(0);
  });

  it("does not settle inside a code fence that is still open", () => {
    const text = "Intro\n\n```ts\nconst a = 1;\n\nconst b";
    expect(settledLength(text)).toBe("Intro\n\n".length);
    expect(settledLength(`${text} = 2;\n\`\`\`\n\nAfter`)).toBe(`${text} = 2;\n\`\`\`\n\n`.length);
  });

  it("the settled part holds exactly the finished blocks", () => {
    const text = "# Title\n\n- a\n- b\n\n```py\nx = 1\n\ny = 2\n```\n\nLast one is still goi";
    const settled = text.slice(0, settledLength(text));
    expect(splitMarkdownBlocks(settled)).toEqual(splitMarkdownBlocks(text).slice(0, -1));
  });
});

describe("a streaming column renders per block, not per token", () => {
  it("over 300 deltas in 30 frames, a column's frame changes only with its status and its markdown once per paragraph", () => {
    const frames = manualScheduler();
    const store = createRunStore({ scheduler: frames, streamRunEvents: async () => ({ kind: "ended", lastSeq: -1 }) });
    store.getState().reset("run-1");
    const meta = selectAgentMeta(0, 0);
    const text = selectAgentText(0, 0);
    // What the column reads through React: its frame (no text) and the settled markdown.
    const settled = (s: ReturnType<typeof store.getState>) => text(s).slice(0, settledLength(text(s)));
    const changes = { frame: 0, markdown: 0, text: 0, commits: 0 };
    let last = { frame: meta(store.getState()), markdown: settled(store.getState()), text: text(store.getState()) };
    store.subscribe((state) => {
      const now = { frame: meta(state), markdown: settled(state), text: text(state) };
      changes.commits += 1;
      if (now.frame !== last.frame) changes.frame += 1;
      if (now.markdown !== last.markdown) changes.markdown += 1;
      if (now.text !== last.text) changes.text += 1;
      last = now;
    });

    const events = stamp("run-1", streamingRun());
    const deltasAt = events.findIndex((e) => e.type === "agent-delta");
    store.getState().enqueueEvents(events.slice(0, deltasAt));
    frames.tick();
    for (let i = deltasAt; i < events.length - 2; i += 20) {
      store.getState().enqueueEvents(events.slice(i, Math.min(i + 20, events.length - 2)));
      frames.tick();
    }
    store.getState().enqueueEvents(events.slice(-2));
    frames.tick();

    expect(changes.commits).toBe(32);
    // The text itself changed in every frame that carried its deltas...
    expect(changes.text).toBe(30);
    // ...but the frame only on waiting → thinking → streaming → done,
    expect(changes.frame).toBe(3);
    expect(meta(store.getState())).toMatchObject({ status: "done", hasText: true });
    // and the markdown once per finished paragraph (6), then once more when the agent is done
    // (the column then renders the whole text; here the settled part already equals it).
    expect(changes.markdown).toBe(6);
  });
});
