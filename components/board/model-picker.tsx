"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Badge, SimulatedBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { modelIdSchema } from "@/lib/moa/config";
import { displayName } from "@/lib/client/model-view";
import { useModels } from "@/lib/client/models";
import { Popover } from "@/components/ui/popover";

/** The non-drag way to fill a slot: pick from a short searchable list or type a custom id. */
export function ModelPicker({
  title,
  current,
  onPick,
  onClose,
  anchor,
}: {
  title: string;
  current: string | null;
  onPick: (model: string | null) => void;
  onClose: () => void;
  anchor: HTMLElement | null;
}) {
  const { models, status } = useModels();
  const [query, setQuery] = useState("");
  const [custom, setCustom] = useState("");
  const customValid = modelIdSchema.safeParse(custom.trim()).success;
  const list = useRef<HTMLUListElement>(null);
  const filter = useRef<HTMLInputElement>(null);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return models
      .filter((m) => !q || m.name.toLowerCase().includes(q) || m.id.toLowerCase().includes(q))
      .sort((a, b) => Number(b.available) - Number(a.available))
      .slice(0, 40);
  }, [models, query]);

  // Arrow keys walk the filter and the options as one list; Enter in the filter takes the top match.
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const options = Array.from(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const stops = [filter.current, ...options].filter((el): el is HTMLInputElement | HTMLButtonElement => el !== null);
    const at = stops.indexOf(document.activeElement as HTMLButtonElement);
    const next = stops[Math.min(stops.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <Popover label={title} onClose={onClose} returnFocusTo={anchor} className="w-80">
      <p className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{title}</p>
      <input
        ref={filter}
        data-autofocus
        type="search"
        onKeyDown={(e) => {
          if (e.key === "Enter" && query.trim() !== "" && shown.length > 0) {
            e.preventDefault();
            onPick(shown[0].id);
          } else onListKey(e);
        }}
        aria-label="Filter models"
        placeholder="Filter models…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="mb-2 h-8 w-full rounded-md border border-line bg-bg px-2 text-sm outline-none focus:border-accent"
      />
      <ul ref={list} onKeyDown={onListKey} role="listbox" aria-label="Models" className="max-h-60 overflow-y-auto rounded-md border border-line">
        {status === "loading" && <li className="p-2 text-xs text-muted">Loading models…</li>}
        {status === "ready" && shown.length === 0 && <li className="p-2 text-xs text-muted">No model matches.</li>}
        {shown.map((m) => (
          <li key={m.id} role="option" aria-selected={m.id === current}>
            <button
              type="button"
              onClick={() => onPick(m.id)}
              className={cn(
                "flex w-full items-center gap-2 px-2 py-1.5 text-left hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-none",
                m.id === current && "bg-accent/10",
                !m.available && "opacity-55",
              )}
            >
              <span className="min-w-0 flex-1 truncate">{displayName(m.id, models)}</span>
              {m.simulated && <SimulatedBadge />}
              {!m.available && <Badge tone="warning">unavailable</Badge>}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-3 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (customValid) onPick(custom.trim());
        }}
      >
        <input
          aria-label="Custom model id"
          placeholder="compat:my-model"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          className="h-8 min-w-0 flex-1 rounded-md border border-line bg-bg px-2 font-mono text-xs outline-none focus:border-accent"
        />
        <Button type="submit" size="sm" variant="secondary" disabled={!customValid}>
          Use
        </Button>
      </form>
      {current && (
        <Button size="sm" variant="ghost" className="mt-2" onClick={() => onPick(null)}>
          Empty this slot
        </Button>
      )}
    </Popover>
  );
}
