"use client";

import "@xyflow/react/dist/style.css";
import { ReactFlow, ReactFlowProvider, useReactFlow, type NodeTypes, type Viewport } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTeachStore } from "@/components/teach/teach-store";
import { useRunStoreTransition } from "@/lib/client/use-run-store-transition";
import type { MoAConfig } from "@/lib/moa/config";
import { cn } from "@/components/ui/cn";
import { AgentNode } from "./agent-node";
import { buildEdges, buildNodes, statusSignature } from "./graph-layout";
import { contentSize, GRAPH_PAD, graphSize } from "./graph-size";

const nodeTypes: NodeTypes = { agent: AgentNode };

export interface LayerGraphProps {
  /** The run's config, or the board's before any run. */
  config: MoAConfig;
  className?: string;
}

/** Width of the panel and height of the window, followed as they change. */
function usePanelBox() {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 0, viewportHeight: 900 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setBox({ width: Math.round(element.clientWidth), viewportHeight: window.innerHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);
  return [ref, box] as const;
}

/** Centres the content in the panel at the computed zoom; a board wider than the panel starts at its proposers. */
function placeViewport(config: MoAConfig, width: number, height: number, zoom: number): Viewport {
  const content = contentSize(config);
  const drawn = content.width * zoom;
  const x = drawn + 2 * GRAPH_PAD <= width ? (width - drawn) / 2 : GRAPH_PAD;
  // Layers are laid out centred on y = 0.
  return { x, y: height / 2, zoom };
}

function FollowViewport({ viewport }: { viewport: Viewport }) {
  const { setViewport } = useReactFlow();
  const { x, y, zoom } = viewport;
  useEffect(() => {
    void setViewport({ x, y, zoom });
  }, [setViewport, x, y, zoom]);
  return null;
}

/** The MoA as a picture: one node per agent, every agent of layer i wired to every agent of i+1. */
export function LayerGraph({ config, className }: LayerGraphProps) {
  // Keyed by models, not object identity: a board store may hand out a fresh config object
  // on every read, and the graph must not re-layout for that.
  const modelsKey = config.layers.map((l) => l.agents.map((a) => a.model).join(",")).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableConfig = useMemo(() => config, [modelsKey]);
  const nodes = useMemo(() => buildNodes(stableConfig), [stableConfig]);
  // Edges restyle between frames: all proposers of a layer often finish in the same one.
  const signature = useRunStoreTransition((s) => statusSignature(s.run.agents));
  const edges = useMemo(() => buildEdges(stableConfig, signature), [stableConfig, signature]);
  const presenter = useTeachStore((s) => s.presenter);
  const [ref, box] = usePanelBox();
  const { height, zoom } = graphSize(stableConfig, box.width, { presenter, viewportHeight: box.viewportHeight });
  // A board wider than the panel at a readable zoom (a phone, or many layers) scrolls sideways
  // natively, with a note saying so, rather than being cut off at the panel's edge.
  const drawnWidth = Math.ceil(contentSize(stableConfig).width * zoom + 2 * GRAPH_PAD);
  const scrolls = box.width > 0 && drawnWidth > box.width + 1;
  const canvasWidth = scrolls ? drawnWidth : box.width;
  const viewport = placeViewport(stableConfig, canvasWidth, height, zoom);
  // The presenter's pinned graph grows with the board; headings scrolled to must clear it.
  useEffect(() => {
    if (!presenter) return;
    const root = document.documentElement.style;
    root.setProperty("--moa-graph-height", `${height}px`);
    return () => {
      root.removeProperty("--moa-graph-height");
    };
  }, [presenter, height]);
  // A new shape gets a fresh flow.
  const shapeKey = config.layers.map((l) => l.agents.length).join("-");

  return (
    <div
      ref={ref}
      className={cn(className, scrolls && "overflow-x-auto overflow-y-hidden overscroll-x-contain")}
      data-zoom={zoom}
      data-scrolls={scrolls || undefined}
      role="group"
      aria-label={`Layer graph, agents per layer: ${config.layers.map((l) => l.agents.length).join(" → ")}`}
    >
      {/* Inline size: React Flow measures its parent before stylesheets may have loaded. */}
      <div style={{ height, width: scrolls ? canvasWidth : undefined }}>
        <ReactFlowProvider key={shapeKey}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            defaultViewport={viewport}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            zoomOnScroll={false}
            zoomOnDoubleClick={false}
            zoomOnPinch={false}
            preventScrolling={false}
            panOnScroll={false}
            // The panel scrolls natively then: a drag on a touch screen must scroll it, not pan.
            panOnDrag={!scrolls}
            // A read-only graph needs no keys. React Flow's defaults listen on the window, and its
            // pan key (Space) calls preventDefault: once the lazily loaded graph had registered
            // before the step controls, a presenter's Space no longer advanced the layers.
            panActivationKeyCode={null}
            selectionKeyCode={null}
            deleteKeyCode={null}
            zoomActivationKeyCode={null}
            multiSelectionKeyCode={null}
            minZoom={0.3}
            maxZoom={1.5}
          >
            <FollowViewport viewport={viewport} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
      {scrolls && (
        <p className="sticky left-0 w-fit px-1 pt-1 text-xs text-muted" data-testid="graph-scroll-note">
          Wider than the screen: scroll sideways to see all {config.layers.length} layers →
        </p>
      )}
    </div>
  );
}
