"use client";

import "@xyflow/react/dist/style.css";
import { ReactFlow, ReactFlowProvider, type NodeTypes } from "@xyflow/react";
import { useMemo } from "react";
import { useRunStore } from "@/lib/client/run-store";
import type { MoAConfig } from "@/lib/moa/config";
import { AgentNode } from "./agent-node";
import { buildEdges, buildNodes, statusSignature } from "./graph-layout";

const nodeTypes: NodeTypes = { agent: AgentNode };
const GRAPH_HEIGHT = 232;
const fitViewOptions = { padding: 0.12, maxZoom: 1.1 };

export interface LayerGraphProps {
  /** The run's config, or the board's before any run. */
  config: MoAConfig;
  className?: string;
}

/** The MoA as a picture: one node per agent, every agent of layer i wired to every agent of i+1. */
export function LayerGraph({ config, className }: LayerGraphProps) {
  // Keyed by models, not object identity: a board store may hand out a fresh config object
  // on every read, and the graph must not re-layout for that.
  const modelsKey = config.layers.map((l) => l.agents.map((a) => a.model).join(",")).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableConfig = useMemo(() => config, [modelsKey]);
  const nodes = useMemo(() => buildNodes(stableConfig), [stableConfig]);
  const signature = useRunStore((s) => statusSignature(s.run.agents));
  const edges = useMemo(() => buildEdges(stableConfig, signature), [stableConfig, signature]);
  // A new shape gets a fresh viewport fitted to it.
  const shapeKey = config.layers.map((l) => l.agents.length).join("-");

  return (
    // Inline height: React Flow measures its parent before stylesheets may have loaded.
    <div className={className} style={{ height: GRAPH_HEIGHT }} role="group" aria-label={`Layer graph: ${config.layers.map((l) => l.agents.length).join(" → ")} agents`}>
      <ReactFlowProvider key={shapeKey}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={fitViewOptions}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          zoomOnScroll={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          panOnScroll={false}
          // A read-only graph needs no keys. React Flow's defaults listen on the window, and its
          // pan key (Space) calls preventDefault: once the lazily loaded graph had registered
          // before the step controls, a presenter's Space no longer advanced the layers.
          panActivationKeyCode={null}
          selectionKeyCode={null}
          deleteKeyCode={null}
          minZoom={0.3}
          maxZoom={1.5}
        />
      </ReactFlowProvider>
    </div>
  );
}
