import type { MoAConfig } from "@/lib/moa/config";
import { COLUMN_GAP, NODE_HEIGHT, NODE_WIDTH, ROW_GAP } from "./graph-layout";

/**
 * How big the graph panel is and how far it is zoomed. A fixed panel squeezed a 13-agent
 * board to 6 px text; instead the panel grows with the tallest layer, and the zoom never drops
 * below what keeps 13 px labels readable (~11 px), unless a huge board would not fit at all.
 */
export interface GraphSize {
  height: number;
  zoom: number;
}

export const GRAPH_PAD = 16;
/** 13 px labels × 0.85 ≈ 11 px on screen. */
export const READABLE_ZOOM = 0.85;
/** Below this even a 16-agent layer is squeezed; the panel scrolls by dragging instead. */
const FLOOR_ZOOM = 0.6;

export interface SizeOptions {
  /** Presenter mode: projector-sized nodes, and a pinned panel that must leave room below. */
  presenter: boolean;
  /** Height of the window, for the presenter's cap. */
  viewportHeight: number;
}

export function contentSize(config: MoAConfig): { width: number; height: number } {
  const layers = config.layers.length;
  const rows = Math.max(1, ...config.layers.map((l) => l.agents.length));
  return {
    width: layers * NODE_WIDTH + (layers - 1) * COLUMN_GAP,
    height: rows * NODE_HEIGHT + (rows - 1) * ROW_GAP,
  };
}

export function graphSize(config: MoAConfig, panelWidth: number, { presenter, viewportHeight }: SizeOptions): GraphSize {
  const content = contentSize(config);
  const maxZoom = presenter ? 1.35 : 1;
  // The presenter's graph is pinned above the columns: half the screen at most.
  const maxHeight = presenter ? Math.max(240, Math.round(viewportHeight * 0.5)) : 720;
  const byWidth = panelWidth > 0 ? (panelWidth - 2 * GRAPH_PAD) / content.width : maxZoom;
  const byHeight = (maxHeight - 2 * GRAPH_PAD) / content.height;
  let zoom = Math.min(maxZoom, byWidth);
  zoom = Math.max(zoom, READABLE_ZOOM);
  if (zoom > byHeight) zoom = Math.max(FLOOR_ZOOM, byHeight);
  zoom = Math.round(zoom * 1000) / 1000;
  const height = Math.min(maxHeight, Math.ceil(content.height * zoom + 2 * GRAPH_PAD));
  return { height, zoom };
}
