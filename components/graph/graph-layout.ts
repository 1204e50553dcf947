import type { Edge, Node } from "@xyflow/react";
import type { MoAConfig } from "@/lib/moa/config";
import type { AgentStatus } from "@/lib/moa/run-state";

/**
 * Positions and wiring of the layer graph, computed from the config alone: a delta never
 * moves a node. Only edge classes depend on agent states, via a compact status signature.
 */
export type AgentNodeData = { layer: number; agent: number; model: string; final: boolean };
export type AgentFlowNode = Node<AgentNodeData, "agent">;

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 56;
export const COLUMN_GAP = 72;
export const ROW_GAP = 10;

export function nodeId(layer: number, agent: number): string {
  return `a-${layer}-${agent}`;
}

export function buildNodes(config: MoAConfig): AgentFlowNode[] {
  const last = config.layers.length - 1;
  return config.layers.flatMap((layer, l) => {
    const count = layer.agents.length;
    const height = count * NODE_HEIGHT + (count - 1) * ROW_GAP;
    return layer.agents.map((a, i) => ({
      id: nodeId(l, i),
      type: "agent" as const,
      position: { x: l * (NODE_WIDTH + COLUMN_GAP), y: i * (NODE_HEIGHT + ROW_GAP) - height / 2 },
      data: { layer: l, agent: i, model: a.model, final: l === last },
      draggable: false,
      connectable: false,
      selectable: false,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    }));
  });
}

const LETTER: Record<AgentStatus, string> = {
  waiting: "w",
  thinking: "t",
  streaming: "s",
  done: "d",
  failed: "f",
  skipped: "k",
  stopped: "x",
};

/** One letter per agent, layers joined by "|": changes only when some status changes. */
export function statusSignature(agents: { status: AgentStatus }[][]): string {
  return agents.map((row) => row.map((a) => LETTER[a.status]).join("")).join("|");
}

function statusAt(signature: string, layer: number, agent: number): string {
  return signature.split("|")[layer]?.[agent] ?? "";
}

export type EdgeState = "idle" | "live" | "done" | "failed" | "dropped";

/**
 * What an edge says about its source's answer. A failed source sent nothing, and a skipped or
 * stopped one was cut off: their edges must never look like delivered answers. Otherwise data
 * flows into layer l+1 while a source streams or a target reads (thinking/streaming).
 */
export function edgeState(signature: string, from: [number, number], to: [number, number]): EdgeState {
  const source = statusAt(signature, from[0], from[1]);
  const target = statusAt(signature, to[0], to[1]);
  if (source === "f") return "failed";
  if (source === "k" || source === "x") return "dropped";
  if (source === "s" || target === "t" || target === "s") return "live";
  if (target === "d") return "done";
  return "idle";
}

export function buildEdges(config: MoAConfig, signature: string): Edge[] {
  const edges: Edge[] = [];
  for (let l = 0; l + 1 < config.layers.length; l++) {
    config.layers[l].agents.forEach((_, i) => {
      config.layers[l + 1].agents.forEach((__, j) => {
        const state = edgeState(signature, [l, i], [l + 1, j]);
        edges.push({
          id: `e-${l}-${i}-${j}`,
          source: nodeId(l, i),
          target: nodeId(l + 1, j),
          className: state === "idle" ? undefined : `moa-edge-${state}`,
          selectable: false,
          focusable: false,
        });
      });
    });
  }
  return edges;
}
