/** DOM id of an agent's column, so the graph (and shortcuts) can bring it into view. */
export function columnId(layer: number, agent: number): string {
  return `agent-column-${layer}-${agent}`;
}

/** `Layer 1 · Agent 2 · Falcon (simulated)`: the column's accessible name (1-based). */
export function agentLabel(layer: number, agent: number, modelName: string): string {
  return `Layer ${layer + 1} · Agent ${agent + 1} · ${modelName}`;
}

export function layerRole(layer: number, layerCount: number): string {
  if (layer === layerCount - 1) return "Final aggregator";
  return layer === 0 ? "Proposers" : "Aggregators";
}

export function focusColumn(layer: number, agent: number): void {
  const element = document.getElementById(columnId(layer, agent));
  if (!element) return;
  const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "nearest", inline: "center" });
  element.focus({ preventScroll: true });
}
