import { describe, expect, it } from "vitest";
import { buildEdges, buildNodes, edgeState, statusSignature } from "@/components/graph/graph-layout";
import type { MoAConfig } from "@/lib/moa/config";
import type { AgentStatus } from "@/lib/moa/run-state";

const config: MoAConfig = {
  layers: [
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }, { model: "sim:otter" }] },
    { agents: [{ model: "sim:falcon" }, { model: "sim:heron" }] },
    { agents: [{ model: "sim:owl" }] },
  ],
};

const rows = (...layers: AgentStatus[][]) => layers.map((row) => row.map((status) => ({ status })));

describe("layer graph layout", () => {
  it("has a node per agent and wires every agent of layer i to every agent of layer i+1", () => {
    expect(buildNodes(config)).toHaveLength(6);
    const edges = buildEdges(config, "");
    expect(edges).toHaveLength(3 * 2 + 2 * 1);
    expect(edges.filter((e) => e.target === "a-2-0").map((e) => e.source).sort()).toEqual(["a-1-0", "a-1-1"]);
  });

  it("puts the final aggregator last, to the right of everything", () => {
    const nodes = buildNodes(config);
    const final = nodes.find((n) => n.data.final)!;
    expect(final.id).toBe("a-2-0");
    expect(Math.max(...nodes.map((n) => n.position.x))).toBe(final.position.x);
  });

  it("marks edges live while data flows into the next layer, and only then", () => {
    const thinking = statusSignature(rows(["done", "done", "done"], ["thinking", "waiting"], ["waiting"]));
    const edges = buildEdges(config, thinking);
    expect(edges.filter((e) => e.className === "moa-edge-live").map((e) => e.id)).toEqual(["e-0-0-0", "e-0-1-0", "e-0-2-0"]);
    const finished = statusSignature(rows(["done", "done", "done"], ["done", "done"], ["done"]));
    expect(buildEdges(config, finished).some((e) => e.className === "moa-edge-live")).toBe(false);
  });

  it("tells streaming from skipped and stopped", () => {
    const sig = statusSignature(rows(["streaming", "skipped", "stopped"], ["waiting", "waiting"], ["waiting"]));
    expect(edgeState(sig, [0, 0], [1, 0])).toBe("live");
    expect(edgeState(sig, [0, 1], [1, 0])).toBe("dropped");
    expect(edgeState(sig, [0, 2], [1, 0])).toBe("dropped");
  });

  it("never draws a failed agent's edges as delivered, even once the next layer is done", () => {
    const sig = statusSignature(rows(["done", "failed", "skipped"], ["done", "done"], ["done"]));
    const edges = buildEdges(config, sig);
    const from = (source: string) => edges.filter((e) => e.source === source).map((e) => e.className);
    expect(from("a-0-0")).toEqual(["moa-edge-done", "moa-edge-done"]);
    expect(from("a-0-1")).toEqual(["moa-edge-failed", "moa-edge-failed"]);
    expect(from("a-0-2")).toEqual(["moa-edge-dropped", "moa-edge-dropped"]);
  });

  it("keeps node positions when only statuses change", () => {
    const a = buildNodes(config).map((n) => n.position);
    const b = buildNodes(config).map((n) => n.position);
    expect(a).toEqual(b);
  });
});
