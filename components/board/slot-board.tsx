"use client";

import { Button } from "@/components/ui/button";
import { LIMITS } from "@/lib/moa/limits";
import { useBoardStore } from "@/lib/client/board-store";
import { useBoardValidation } from "@/lib/client/use-board-validation";
import { PlusIcon } from "@/components/ui/board-icons";
import { LayerRow } from "./layer-row";
import { plural } from "@/lib/plural";

function FlowArrow({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-2 py-1 pl-6 text-[11px] text-muted" aria-hidden="true">
      <svg width="14" height="18" viewBox="0 0 14 18" className="text-line-strong">
        <path d="M7 0v14M2 10l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
      {label}
    </div>
  );
}

/** Every layer as a row of slots, top to bottom in the order answers flow. */
export function SlotBoard() {
  const layers = useBoardStore((s) => s.layers);
  const presetName = useBoardStore((s) => s.presetName);
  const addLayer = useBoardStore((s) => s.addLayer);
  const board = { layers, presetName };
  const { problems } = useBoardValidation(layers);

  return (
    <div className="flex flex-col">
      {layers.map((layer, index) => (
        <div key={layer.layerId}>
          {index > 0 && (
            <FlowArrow
              label={`${layers[index - 1].slots.length === 1 ? "the 1 answer" : `all ${plural(layers[index - 1].slots.length, "answer")}`} of layer ${index} ${layers[index - 1].slots.length === 1 ? "goes" : "go"} to ${
                index === layers.length - 1 ? "the final aggregator" : `every agent of layer ${index + 1}`
              }`}
            />
          )}
          {index === layers.length - 1 && layers.length < LIMITS.maxLayers && (
            <div className="mb-2 flex justify-center">
              <Button size="sm" variant="ghost" onClick={addLayer} aria-label="Add a layer before the final aggregator">
                <PlusIcon /> Add layer
              </Button>
            </div>
          )}
          <LayerRow board={board} layer={index} problems={problems} />
        </div>
      ))}
    </div>
  );
}
