"use client";

import { useState } from "react";
import { rectSortingStrategy, SortableContext } from "@dnd-kit/sortable";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LIMITS } from "@/lib/moa/limits";
import { layerLabel, useBoardStore, type Board, type BoardProblem } from "@/lib/client/board-store";
import { AddSlotTarget } from "./add-slot-target";
import { ChevronIcon, TrashIcon } from "@/components/ui/board-icons";
import { SlotCard, type SlotRole } from "./slot-card";
import { StragglerSettings } from "./straggler-settings";
import { SynthesisEditor } from "./synthesis-editor";
import { plural } from "@/lib/plural";

const ROLE_DOT: Record<SlotRole, string> = {
  proposer: "bg-sky-500",
  aggregator: "bg-violet-500",
  final: "bg-amber-500",
};

export function LayerRow({ board, layer, problems }: { board: Board; layer: number; problems: BoardProblem[] }) {
  const entry = board.layers[layer];
  const isFinal = layer === board.layers.length - 1;
  const role: SlotRole = isFinal ? "final" : layer === 0 ? "proposer" : "aggregator";
  const addSlot = useBoardStore((s) => s.addSlot);
  const removeLayer = useBoardStore((s) => s.removeLayer);
  const setSynthesisPrompt = useBoardStore((s) => s.setSynthesisPrompt);
  const setLayerPolicy = useBoardStore((s) => s.setLayerPolicy);
  const setReadReasoning = useBoardStore((s) => s.setReadReasoning);
  const [editing, setEditing] = useState(false);
  const label = layerLabel(board, layer);
  const headingId = `${entry.layerId}-heading`;
  const layerProblems = problems.filter((p) => p.layer === layer && p.slot === undefined);
  const full = entry.slots.length >= LIMITS.maxAgentsPerLayer;

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-bg/60 p-3 sm:p-4">
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <span className={cn("h-2.5 w-2.5 rounded-full", ROLE_DOT[role])} aria-hidden="true" />
        <h3 id={headingId} className="text-sm font-semibold">
          {label}
        </h3>
        <Badge>
          {plural(entry.slots.length, "agent")}
        </Badge>
        {layer > 0 && entry.synthesisPrompt && <Badge tone="accent">custom synthesis prompt</Badge>}
        {entry.policy?.kind === "quorum" && <Badge tone="info">first {plural(entry.policy.k, "answer")}</Badge>}
        {entry.policy?.kind === "deadline" && <Badge tone="info">deadline {entry.policy.ms} ms</Badge>}
        <span className="ml-auto flex items-center gap-1">
          {layer > 0 && (
            <label
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs text-muted hover:bg-subtle hover:text-fg"
              title="Trace-level synthesis (arXiv 2605.29116): this layer's agents also read the reasoning the previous layer's models streamed, not only their answers."
            >
              <input
                type="checkbox"
                checked={entry.readReasoning === true}
                onChange={(e) => setReadReasoning(layer, e.target.checked)}
                className="accent-accent"
              />
              Also read their reasoning
            </label>
          )}
          {layer > 0 && (
            <button
              type="button"
              aria-expanded={editing}
              onClick={() => setEditing((v) => !v)}
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs text-muted hover:bg-subtle hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
            >
              Synthesis prompt
              <ChevronIcon className={cn("transition-transform", editing && "rotate-180")} />
            </button>
          )}
          {!isFinal && board.layers.length > 1 && (
            <button
              type="button"
              aria-label={`Remove layer ${layer + 1}`}
              title={`Remove layer ${layer + 1}`}
              onClick={() => removeLayer(layer)}
              className="grid h-7 w-7 place-items-center rounded-md text-muted hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-accent dark:hover:bg-red-950/50"
            >
              <TrashIcon />
            </button>
          )}
        </span>
      </header>
      <SortableContext items={entry.slots.map((s) => s.slotId)} strategy={rectSortingStrategy}>
        <ul className="flex flex-wrap gap-3">
          {entry.slots.map((slot, index) => (
            <SlotCard
              key={slot.slotId}
              slot={slot}
              layer={layer}
              index={index}
              role={role}
              problems={problems.filter((p) => p.layer === layer && p.slot === index).map((p) => p.message)}
            />
          ))}
          {!isFinal && <AddSlotTarget layerId={entry.layerId} layer={layer} full={full} onAdd={() => addSlot(layer)} />}
        </ul>
      </SortableContext>
      {!isFinal && (
        <StragglerSettings layer={layer} agents={entry.slots.length} policy={entry.policy} onChange={(p) => setLayerPolicy(layer, p)} />
      )}
      {layerProblems.length > 0 && (
        <p className="mt-2 text-xs text-red-600 dark:text-red-400">{layerProblems.map((p) => p.message).join(" · ")}</p>
      )}
      {editing && layer > 0 && (
        <SynthesisEditor layer={layer} value={entry.synthesisPrompt} onChange={(p) => setSynthesisPrompt(layer, p)} />
      )}
    </section>
  );
}
