import { describe, expect, it } from "vitest";
import type { MoAConfig } from "@/lib/moa/config";
import { runMoA } from "@/lib/moa/engine";
import type { RunEvent } from "@/lib/moa/events";
import { initialRunState, reduceRun } from "@/lib/moa/run-state";
import { layerCaption } from "@/lib/teach/captions";
import { gateEventsByLayer, heldLayer } from "@/lib/teach/gate-events";
import { textModel } from "../moa/helpers";

const THREE: MoAConfig = {
  layers: [
    { agents: [{ model: "t:a" }, { model: "t:b" }, { model: "t:c" }] },
    { agents: [{ model: "t:a" }, { model: "t:b" }, { model: "t:c" }] },
    { agents: [{ model: "t:d" }] },
  ],
};

const resolveModel = () => textModel(["An ", "answer."]);
const MESSAGES = [{ role: "user" as const, content: "Hi" }];

describe("captions", () => {
  it("say what the next layer does, with real counts", () => {
    expect(layerCaption(THREE, 1)).toBe("Each of the 3 aggregators now reads the 3 answers above and writes its own");
    expect(layerCaption(THREE, 2)).toBe("The final aggregator reads the 3 answers and writes the answer");
    expect(layerCaption(THREE, 2, 2)).toBe("The final aggregator reads the 2 answers and writes the answer");
    expect(layerCaption(THREE, 0)).toMatch(/^Each of the 3 proposers answers the prompt/);
    expect(layerCaption({ layers: [{ agents: [{ model: "t:a" }] }, { agents: [{ model: "t:d" }] }] }, 1)).toBe(
      "The final aggregator reads the 1 answer and writes the answer",
    );
  });
});

describe("engine gate", () => {
  it("starts no agent of the next layer until the gate opens, and says it is paused", async () => {
    const opened: number[] = [];
    let release!: () => void;
    const events: RunEvent[] = [];
    const iterator = runMoA(THREE, MESSAGES, {
      runId: "r",
      resolveModel,
      beforeLayer: (layer) =>
        new Promise<void>((resolve) => {
          opened.push(layer);
          release = resolve;
        }),
    })[Symbol.asyncIterator]();
    const pull = async (until: (e: RunEvent) => boolean) => {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) throw new Error("ended early");
        events.push(value);
        if (until(value)) return;
      }
    };
    await pull((e) => e.type === "layer-paused");
    expect(events.at(-1)).toMatchObject({ type: "layer-paused", layer: 1 });
    expect(events.some((e) => "layer" in e && e.layer === 1 && e.type !== "layer-paused")).toBe(false);
    expect(events.reduce(reduceRun, initialRunState("r")).pausedBefore).toBe(1);
    // Nothing more arrives while paused.
    const next = iterator.next();
    const raced = await Promise.race([next.then(() => "event"), new Promise((r) => setTimeout(() => r("quiet"), 50))]);
    expect(raced).toBe("quiet");
    release();
    const after = await next;
    expect(after.value).toMatchObject({ type: "layer-started", layer: 1 });
    expect(events.concat(after.value as RunEvent).reduce(reduceRun, initialRunState("r")).pausedBefore).toBeUndefined();
    await pull((e) => e.type === "layer-paused");
    expect(events.at(-1)).toMatchObject({ layer: 2 });
    release();
    await pull((e) => e.type === "run-finished");
    expect(opened).toEqual([1, 2]);
  });

  it("stays cancellable while paused", async () => {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    for await (const event of runMoA(THREE, MESSAGES, { runId: "r", resolveModel, signal: controller.signal, beforeLayer: () => new Promise(() => {}) })) {
      events.push(event);
      if (event.type === "layer-paused") controller.abort("stopped by teacher");
    }
    expect(events.at(-1)).toMatchObject({ type: "run-cancelled", reason: "stopped by teacher" });
    expect(events.some((e) => e.type === "layer-started" && e.layer === 1)).toBe(false);
  });
  it("leaves no abort listener behind per gated layer, on the MoA engine and on a method's runner", async () => {
    // 13 samples of one model, then 12 one-aggregator steps: a gate before each of 12 layers.
    const seq: MoAConfig = {
      layers: [{ agents: Array.from({ length: 13 }, () => ({ model: "t:a" })) }, ...Array.from({ length: 12 }, () => ({ agents: [{ model: "t:a" }] }))],
    };
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      for (const config of [seq, { ...seq, method: { kind: "self-moa-seq" as const, window: 2 } }]) {
        const events: RunEvent[] = [];
        for await (const event of runMoA(config, MESSAGES, { runId: "r", resolveModel, beforeLayer: async () => {} })) events.push(event);
        expect(events.filter((e) => e.type === "layer-paused")).toHaveLength(12);
        expect(events.at(-1)?.type).toBe("run-finished");
      }
      // Node reports a signal holding more than 10 listeners on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("gateEventsByLayer", () => {
  async function recorded() {
    const events: RunEvent[] = [];
    for await (const event of runMoA(THREE, MESSAGES, { runId: "r", resolveModel })) events.push(event);
    return events;
  }

  it("holds every event from the first one of a later layer", async () => {
    const events = await recorded();
    const shown = gateEventsByLayer(events, 0);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every((e) => !("layer" in e) || e.layer === 0)).toBe(true);
    expect(shown.at(-1)).toMatchObject({ type: "layer-finished", layer: 0 });
    expect(heldLayer(events, 0)).toBe(1);
    const state = shown.reduce(reduceRun, initialRunState("r"));
    expect(state.agents[1].every((a) => a.text === "")).toBe(true);
    expect(state.status).toBe("running");
  });

  it("lets the whole run through once the last layer is allowed", async () => {
    const events = await recorded();
    expect(gateEventsByLayer(events, 1).some((e) => e.type === "run-finished")).toBe(false);
    expect(gateEventsByLayer(events, 2)).toEqual(events);
    expect(heldLayer(events, 2)).toBeUndefined();
  });
});
