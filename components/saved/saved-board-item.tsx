"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { layerShape } from "@/lib/client/saved-configs";
import { MAX_CONFIG_NAME_CHARS, type ConfigEntry } from "@/lib/wire/configs";

type Mode = "idle" | "renaming" | "confirming";

/** One row: name, the `moa/<slug>` the OpenAI-compatible API answers to, and its layer shape. */
export function SavedBoardItem({
  entry,
  onLoad,
  onRename,
  onDelete,
}: {
  entry: ConfigEntry;
  onLoad: (entry: ConfigEntry) => void;
  onRename?: (entry: ConfigEntry, name: string) => Promise<boolean>;
  onDelete?: (entry: ConfigEntry) => Promise<boolean>;
}) {
  const [mode, setMode] = useState<Mode>("idle");
  const [draft, setDraft] = useState(entry.name);
  const [busy, setBusy] = useState(false);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (!name || !onRename) return;
    if (name === entry.name) return setMode("idle");
    setBusy(true);
    const done = await onRename(entry, name);
    setBusy(false);
    if (done) setMode("idle");
  };

  const remove = async () => {
    if (!onDelete) return;
    setBusy(true);
    // On success the row unmounts; on failure it stays to be retried.
    if (!(await onDelete(entry))) setBusy(false);
  };

  return (
    <li aria-label={entry.name} className="rounded-lg px-2.5 py-2 hover:bg-subtle/60">
      {mode === "renaming" ? (
        <form onSubmit={rename} className="flex gap-1.5">
          <input
            aria-label={`New name for ${entry.name}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={MAX_CONFIG_NAME_CHARS}
            autoFocus
            autoComplete="off"
            className="h-7 min-w-0 flex-1 rounded-md border border-line bg-surface px-2 text-xs text-fg focus-visible:outline-2 focus-visible:outline-accent"
          />
          <Button type="submit" size="sm" variant="primary" disabled={busy || !draft.trim()}>
            Save name
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex items-baseline gap-2">
          <span className="min-w-0 flex-1 truncate text-sm font-medium" title={entry.name}>
            {entry.name}
          </span>
          <span className="shrink-0 text-[11px] text-muted tabular-nums" aria-label={`Agents per layer: ${layerShape(entry.config)}`}>
            {layerShape(entry.config)}
          </span>
        </div>
      )}
      <code className="mt-0.5 block truncate font-mono text-[11px] text-muted select-all">moa/{entry.slug}</code>
      {entry.description && <p className="text-xs text-muted">{entry.description}</p>}

      {mode === "confirming" ? (
        <div role="group" aria-label={`Confirm deleting ${entry.name}`} className="mt-1.5 flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-red-700 dark:text-red-300">Delete this board? The API slug stops working.</span>
          <Button size="sm" variant="danger" disabled={busy} onClick={remove} autoFocus>
            Yes, delete
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => setMode("idle")}>
            Keep
          </Button>
        </div>
      ) : (
        mode === "idle" && (
          <div className="mt-1.5 flex gap-1.5">
            <Button size="sm" aria-label={`Load ${entry.name}`} onClick={() => onLoad(entry)}>
              Load
            </Button>
            {onRename && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Rename ${entry.name}`}
                onClick={() => {
                  setDraft(entry.name);
                  setMode("renaming");
                }}
              >
                Rename
              </Button>
            )}
            {onDelete && (
              <Button size="sm" variant="ghost" aria-label={`Delete ${entry.name}`} onClick={() => setMode("confirming")}>
                Delete
              </Button>
            )}
          </div>
        )
      )}
    </li>
  );
}
